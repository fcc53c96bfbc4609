package dev.parley.rtc.interceptor;

import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.RtcpPacket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends the RTCP feedback a receiving interceptor generates (NACK, transport-wide feedback), the
 * way every such interceptor must: from one of our sending SSRCs, or from a random receive-only
 * SSRC when we send nothing; and without reduced-size RTCP (RFC 5506) behind an empty receiver
 * report, since a compound packet must begin with one (RFC 3550 §6.1).
 *
 * <p>The owning interceptor passes its local-stream bind and unbind calls on; all on the executor.
 */
public final class FeedbackWriter {
    private final RtcpWriter rtcp;
    private final Set<Long> localSsrcs = new LinkedHashSet<>();
    private final long receiveOnlySsrc;

    public FeedbackWriter(InterceptorContext context) {
        this.rtcp = context.rtcpWriter();
        this.receiveOnlySsrc = context.random().nextLong() & 0xFFFF_FFFFL;
    }

    public void bindLocalStream(StreamInfo stream) {
        localSsrcs.add(stream.ssrc());
    }

    public void unbindLocalStream(StreamInfo stream) {
        localSsrcs.remove(stream.ssrc());
    }

    /** The SSRC feedback is sent from: our first sending stream's, else the receive-only one. */
    public long senderSsrc() {
        return localSsrcs.isEmpty() ? receiveOnlySsrc : localSsrcs.iterator().next();
    }

    /** Sends {@code feedback} (built with {@link #senderSsrc()}) for a stream with or without reduced-size RTCP. */
    public void write(RtcpPacket feedback, boolean reducedSize) {
        rtcp.write(reducedSize ? List.of(feedback) : List.of(new ReceiverReport(senderSsrc(), List.of()), feedback));
    }
}
