package dev.parley.rtc.srtp;

import java.util.HashMap;
import java.util.Map;

/**
 * The sending direction: per-SSRC ROC and SRTCP index, then {@link PacketTransform}. Confined to
 * the one thread that sends.
 */
final class SrtpSender {
    /** Sender-side state of one SSRC's crypto context (RFC 3711 §3.2.1). */
    private static final class Stream {
        final RolloverState rollover = new RolloverState();
        /** The next SRTCP index: 31 bits, starting at 0 (§3.4). */
        int nextRtcpIndex;
    }

    private final PacketTransform transform;
    private final SrtpCounters counters;
    private final Map<Integer, Stream> streams = new HashMap<>();
    // One-entry cache: a sender almost always repeats the last SSRC, and this skips boxing.
    private int lastSsrc;
    private Stream lastStream;

    SrtpSender(PacketTransform transform, SrtpCounters counters) {
        this.transform = transform;
        this.counters = counters;
    }

    byte[] protectRtp(byte[] b, int off, int len) throws SrtpException {
        int headerLength = RtpHeaders.headerLength(b, off, len);
        if (headerLength < 0) {
            throw counters.malformed("not an RTP packet");
        }
        int ssrc = RtpHeaders.ssrcOfRtp(b, off);
        int seq = RtpHeaders.u16(b, off + 2);
        Stream stream = stream(ssrc);
        long index = stream.rollover.estimate(seq);
        if (index < 0) {
            // A sequence number from "before" the first one sent; it can only belong to ROC 0.
            index = seq;
        }
        if (index >= 1L << 48) {
            throw new IllegalStateException("SRTP index exhausted: rekey (RFC 3711 §9.2)");
        }
        stream.rollover.update(index);
        return transform.protectRtp(b, off, len, headerLength, ssrc, (int) (index >>> 16), seq);
    }

    byte[] protectRtcp(byte[] b, int off, int len) throws SrtpException {
        if (!RtpHeaders.isRtcpHeader(b, off, len)) {
            throw counters.malformed("not an RTCP packet");
        }
        int ssrc = RtpHeaders.ssrcOfRtcp(b, off);
        Stream stream = stream(ssrc);
        int index = stream.nextRtcpIndex;
        if (index < 0) {
            throw new IllegalStateException("SRTCP index exhausted: rekey (RFC 3711 §9.2)");
        }
        stream.nextRtcpIndex = index + 1; // reaches Integer.MIN_VALUE after 2^31 packets: refused above
        return transform.protectRtcp(b, off, len, ssrc, index);
    }

    private Stream stream(int ssrc) {
        if (lastStream != null && lastSsrc == ssrc) {
            return lastStream;
        }
        Stream stream = streams.computeIfAbsent(ssrc, s -> new Stream());
        lastSsrc = ssrc;
        lastStream = stream;
        return stream;
    }
}
