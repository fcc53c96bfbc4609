package dev.parley.rtc.interceptor.nack;

import dev.parley.rtc.interceptor.FeedbackWriter;
import dev.parley.rtc.interceptor.Interceptor;
import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.PeriodicTask;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.rtp.GenericNack;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The receiver's half of loss recovery: watches the sequence numbers of each remote stream that
 * negotiated NACK and asks the sender for what is missing with generic NACKs (RFC 4585 §6.2.1).
 * A new gap is asked for at once; what is still missing is asked for again once a retransmission
 * should have come — 1.5 round trips, when RTCP measured one, but not later than
 * {@link NackSettings#retryInterval()} (checked every {@value #TICK_MILLIS} ms) — up to
 * {@link NackSettings#maxRequests()} times or {@link NackSettings#maxWait()}. Asking again too late
 * turns a lost retransmission into a freeze; too early, into a duplicate.
 *
 * <p>Packets recovered through RTX reach this interceptor as the originals they carry (the peer
 * connection unwraps them before the chain), so they end their requests like late arrivals do.
 *
 * <p>NACKs go out through a {@link FeedbackWriter} (sender SSRC, receiver report in front without
 * reduced-size RTCP).
 *
 * <p>Runs on the peer connection's executor like every interceptor; {@link #counters} may be read
 * from any thread.
 */
public final class NackGenerator implements Interceptor {
    static final long TICK_MILLIS = 20;

    private final InterceptorContext context;
    private final NackSettings settings;
    private final Map<Long, Stream> streams = new HashMap<>();
    private final FeedbackWriter feedback;
    private final Map<Long, Counters> published = new ConcurrentHashMap<>();
    private long retryNanos;
    private final PeriodicTask ticks;

    public NackGenerator(InterceptorContext context, NackSettings settings) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retryNanos = settings.retryInterval().toNanos();
        this.feedback = new FeedbackWriter(context);
        this.ticks = new PeriodicTask(context.executor(), TICK_MILLIS, this::tick);
    }

    /**
     * What loss recovery did for one remote stream: NACK packets sent (W3C {@code nackCount}),
     * sequence numbers asked for (with repeats), packets that arrived after being asked for, and
     * packets given up.
     */
    public record Counters(long nacksSent, long packetsRequested, long packetsRecovered, long packetsGivenUp) {
        static final Counters NONE = new Counters(0, 0, 0, 0);
    }

    /** The counters of the remote stream {@code ssrc}, if it is bound with NACK; any thread. */
    public Optional<Counters> counters(long ssrc) {
        return Optional.ofNullable(published.get(ssrc));
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        feedback.bindLocalStream(stream);
    }

    @Override
    public void unbindLocalStream(StreamInfo stream) {
        feedback.unbindLocalStream(stream);
    }

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (stream.nack()) {
            streams.put(stream.ssrc(), new Stream(stream, new MissingPackets(settings)));
            published.put(stream.ssrc(), Counters.NONE);
            ticks.start();
        }
    }

    @Override
    public void unbindRemoteStream(StreamInfo stream) {
        streams.remove(stream.ssrc());
        if (streams.isEmpty()) {
            ticks.stop();
        }
    }

    @Override
    public void onIncomingRtp(RtpPacket packet, long nowNanos) {
        Stream stream = streams.get(packet.ssrc());
        if (stream != null && stream.missing.onPacket(packet.sequenceNumber(), nowNanos)) {
            request(stream, nowNanos); // a fresh gap: ask now rather than at the next tick
        }
    }

    @Override
    public void close() {
        ticks.close();
        streams.clear();
    }

    /**
     * A round-trip time measured by RTCP; retries follow it from now on: a packet still missing
     * one round trip after it was asked for had its NACK or its retransmission lost (as
     * libwebrtc's NACK module reasons). At 5% loss each way one request in ten needs a second
     * round, and waiting half a round trip more before it froze pictures past 200 ms.
     */
    public void onRoundTripTime(long rttNanos) {
        if (rttNanos > 0) {
            retryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS),
                    Math.min(settings.retryInterval().toNanos(), rttNanos));
        }
    }

    private void tick() {
        long now = context.nanoTime();
        for (Stream stream : streams.values()) {
            if (stream.missing.missingCount() > 0) {
                request(stream, now);
            } else {
                publish(stream); // late arrivals may have recovered packets since
            }
        }
    }

    private void request(Stream stream, long nowNanos) {
        List<Integer> due = stream.missing.due(nowNanos, retryNanos);
        if (!due.isEmpty()) {
            feedback.write(GenericNack.of(feedback.senderSsrc(), stream.info.ssrc(), due), stream.info.rtcpReducedSize());
            stream.nacksSent++;
        }
        publish(stream);
    }

    private void publish(Stream stream) {
        published.put(stream.info.ssrc(), new Counters(stream.nacksSent, stream.missing.requested(),
                stream.missing.recovered(), stream.missing.givenUp()));
    }

    private static final class Stream {
        final StreamInfo info;
        final MissingPackets missing;
        long nacksSent;

        Stream(StreamInfo info, MissingPackets missing) {
            this.info = info;
            this.missing = missing;
        }
    }
}
