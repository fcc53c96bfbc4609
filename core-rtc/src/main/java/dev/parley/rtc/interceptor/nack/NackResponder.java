package dev.parley.rtc.interceptor.nack;

import dev.parley.rtc.interceptor.Interceptor;
import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.RateBudget;
import dev.parley.rtc.rtp.GenericNack;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtxPacket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sender's half of loss recovery: keeps the recent packets of each local stream that
 * negotiated NACK and, when the peer's generic NACK (RFC 4585 §6.2.1) names some of them, sends
 * them again — on the stream's RTX SSRC with the RTX payload type where RTX was negotiated
 * (RFC 4588), else as they were.
 *
 * <p>A packet is resent at most once per {@link NackSettings#minResendInterval()}, or per three
 * quarters of the measured round trip when that is shorter: a receiver that repeats its NACK
 * before the first retransmission arrived must not multiply the traffic, but one that asks again
 * a round trip later (as ours and libwebrtc's do) lost the first retransmission and must get it.
 * Requests for packets older than the history are counted, not answered (the receiver gives up
 * on them or asks for a key frame). Retransmissions share a {@link RateBudget} of half the
 * congestion controller's target: after a burst of loss at a bottleneck the receiver asks for
 * everything at once, and answering it all at once would overflow the same bottleneck again
 * (refusals are counted; the receiver asks again or asks for a key frame).
 *
 * <p>It also pads bandwidth probes ({@link #sendPadding}) with recent packets sent again on RTX,
 * as libwebrtc does: real payload the receiver drops as a duplicate, rather than padding-only
 * packets that cost as much header for no content.
 *
 * <p>Runs on the peer connection's executor like every interceptor; {@link #counters} may be read
 * from any thread.
 */
public final class NackResponder implements Interceptor {
    private final InterceptorContext context;
    private final NackSettings settings;
    private final LongSupplier targetBitrateBps;
    private final RateBudget budget;
    private long refusedForRate;
    private long minResendNanos;
    private final Map<Long, Stream> streams = new HashMap<>();
    private final Map<Long, Counters> published = new ConcurrentHashMap<>();

    /** Retransmits without a rate limit (for a sender without congestion control). */
    public NackResponder(InterceptorContext context, NackSettings settings) {
        this(context, settings, () -> Long.MAX_VALUE / 4);
    }

    /** @param targetBitrateBps the congestion controller's target, read at each NACK */
    public NackResponder(InterceptorContext context, NackSettings settings, LongSupplier targetBitrateBps) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.targetBitrateBps = Objects.requireNonNull(targetBitrateBps, "targetBitrateBps");
        this.budget = new RateBudget(Math.max(1, targetBitrateBps.getAsLong() / 2), RETRANSMISSION_BURST);
        this.minResendNanos = settings.minResendInterval().toNanos();
    }

    private static final Duration RETRANSMISSION_BURST = Duration.ofMillis(200);

    /** What one local stream's retransmissions came to. */
    public record Counters(long nacksReceived, long packetsResent, long payloadBytesResent, long packetsUnavailable,
                           long packetsRefused, long paddingPacketsSent) {
        static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0);
    }

    /** The counters of the local stream {@code ssrc}, if it is bound with NACK; any thread. */
    public Optional<Counters> counters(long ssrc) {
        return Optional.ofNullable(published.get(ssrc));
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        if (stream.nack()) {
            streams.put(stream.ssrc(), new Stream(stream, new SentPacketHistory(settings.historyPackets()),
                    context.random().nextInt(1 << 16)));
            published.put(stream.ssrc(), Counters.NONE);
        }
    }

    @Override
    public void unbindLocalStream(StreamInfo stream) {
        streams.remove(stream.ssrc());
    }

    @Override
    public RtpPacket onOutgoingRtp(RtpPacket packet, long nowNanos) {
        Stream stream = streams.get(packet.ssrc());
        if (stream != null) {
            stream.history.add(packet);
            stream.latestSequenceNumber = packet.sequenceNumber();
        }
        return packet;
    }

    /**
     * Sends one recent packet of a stream with RTX again, as padding for a probe: the newest first,
     * then older ones in turn (the receiver has them all, most likely, and drops them as duplicates).
     *
     * @return the bytes sent, or 0 when no stream with RTX has sent anything yet
     */
    public int sendPadding(long nowNanos) {
        for (Stream stream : streams.values()) {
            if (!stream.info.hasRtx()) {
                continue;
            }
            RtpPacket original = stream.nextPaddingPacket();
            if (original != null) {
                RtpPacket out = RtxPacket.wrap(original, stream.info.rtxSsrc(), stream.info.rtxPayloadType(),
                        stream.nextRtxSequenceNumber());
                stream.paddingPacketsSent++;
                publish(stream);
                context.rtpWriter().write(out);
                return out.length();
            }
        }
        return 0;
    }

    @Override
    public void onIncomingRtcp(List<RtcpPacket> packets, long nowNanos) {
        for (RtcpPacket packet : packets) {
            if (packet instanceof GenericNack nack) {
                Stream stream = streams.get(nack.mediaSsrc());
                if (stream != null) {
                    budget.setRate(Math.max(1, targetBitrateBps.getAsLong() / 2));
                    stream.nacksReceived++;
                    for (int sequenceNumber : nack.lostSequenceNumbers()) {
                        resend(stream, sequenceNumber, nowNanos);
                    }
                    publish(stream);
                }
            }
        }
    }

    /** A round-trip time measured by RTCP: a repeated NACK this long after a resend is answered again. */
    public void onRoundTripTime(long rttNanos) {
        if (rttNanos > 0) {
            minResendNanos = Math.min(settings.minResendInterval().toNanos(), rttNanos * 3 / 4);
        }
    }

    @Override
    public void close() {
        streams.clear();
    }

    private void resend(Stream stream, int sequenceNumber, long nowNanos) {
        RtpPacket original = stream.history.get(sequenceNumber);
        if (original == null) {
            stream.packetsUnavailable++;
            return;
        }
        if (!stream.history.mayResend(sequenceNumber, nowNanos, minResendNanos)) {
            return;
        }
        if (!budget.allows(nowNanos)) {
            stream.packetsRefused++;
            return;
        }
        budget.spend(original.payloadLength() + RtpPacket.FIXED_HEADER_LENGTH, nowNanos);
        stream.history.markResent(sequenceNumber, nowNanos);
        StreamInfo info = stream.info;
        RtpPacket out = info.hasRtx()
                ? RtxPacket.wrap(original, info.rtxSsrc(), info.rtxPayloadType(), stream.nextRtxSequenceNumber())
                : original;
        stream.packetsResent++;
        stream.payloadBytesResent += original.payloadLength();
        context.rtpWriter().write(out);
    }

    private void publish(Stream stream) {
        published.put(stream.info.ssrc(), new Counters(stream.nacksReceived, stream.packetsResent,
                stream.payloadBytesResent, stream.packetsUnavailable, stream.packetsRefused, stream.paddingPacketsSent));
    }

    private static final class Stream {
        final StreamInfo info;
        final SentPacketHistory history;
        int rtxSequenceNumber;
        long nacksReceived;
        long packetsResent;
        long payloadBytesResent;
        long packetsUnavailable;
        long packetsRefused;
        long paddingPacketsSent;
        int latestSequenceNumber = -1;
        /** How far behind the newest packet the next padding packet is. */
        int paddingOffset;

        Stream(StreamInfo info, SentPacketHistory history, int firstRtxSequenceNumber) {
            this.info = info;
            this.history = history;
            this.rtxSequenceNumber = firstRtxSequenceNumber;
        }

        /** The next packet to pad with, from the newest {@value #PADDING_DEPTH}, or null. */
        RtpPacket nextPaddingPacket() {
            if (latestSequenceNumber < 0) {
                return null;
            }
            for (int tries = 0; tries < PADDING_DEPTH; tries++) {
                if (paddingOffset >= PADDING_DEPTH) {
                    paddingOffset = 0;
                }
                RtpPacket packet = history.get((latestSequenceNumber - paddingOffset++) & 0xFFFF);
                if (packet != null) {
                    return packet;
                }
            }
            return null;
        }

        static final int PADDING_DEPTH = 32;

        int nextRtxSequenceNumber() {
            int next = rtxSequenceNumber;
            rtxSequenceNumber = (rtxSequenceNumber + 1) & 0xFFFF;
            return next;
        }
    }
}
