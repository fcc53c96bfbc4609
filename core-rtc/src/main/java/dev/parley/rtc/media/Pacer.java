package dev.parley.rtc.media;

import dev.parley.rtc.interceptor.PeriodicTask;
import dev.parley.rtc.media.gcc.ProbeRequest;
import dev.parley.rtc.media.gcc.SentProbe;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Spreads video packets out in time instead of sending each frame as one burst: a key frame of
 * 50 KB sent at once can overflow a bottleneck's buffer that its average rate fits easily. Packets
 * leave in order at {@value #PACING_FACTOR} times the congestion controller's target (headroom
 * for the encoder's own variation, as libwebrtc paces), checked every {@value #INTERVAL_MILLIS} ms;
 * a packet that finds the pacer idle goes at once, so pacing adds no delay to a stream within its
 * rate. A queue that would take longer than {@value #MAX_QUEUE_MILLIS} ms to drain raises the rate
 * until it does: old video is worth less than a late packet is harmful.
 *
 * <p>Probes ({@link #probe}) are sent here too, one after the other: the queued media goes out at
 * the probe's rate, and where there is too little of it, {@link Padding} makes up the bytes.
 *
 * <p>Audio and retransmissions do not come here: they are small and their value decays fastest.
 * On the peer connection's executor only.
 */
public final class Pacer implements AutoCloseable {
    static final double PACING_FACTOR = 2.5;
    static final long INTERVAL_MILLIS = 5;
    static final long MAX_QUEUE_MILLIS = 1_000;
    /** An idle pacer saves up at most this long a burst, so a frame after a pause starts at once. */
    private static final long MAX_SAVED_MILLIS = 10;

    private final SerialExecutor executor;
    private final Consumer<RtpPacket> send;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final PeriodicTask drain;
    private long queuedBits;
    private long rateBps;
    private double budgetBits;
    private long lastRefillNanos = Long.MIN_VALUE;
    private boolean closed;
    private final Padding padding;
    private final Consumer<SentProbe> probeSent;
    private final ArrayDeque<ProbeRequest> probes = new ArrayDeque<>();
    private ActiveProbe probing;
    private long probesAbandoned;

    /** Sends one packet of padding for a probe (an old packet again, on RTX). */
    public interface Padding {
        /** @return the bytes sent, or 0 when there is nothing to pad with */
        int sendPadding(long nowNanos);
    }

    /** Without probing. */
    public Pacer(SerialExecutor executor, Consumer<RtpPacket> send, long targetBps) {
        this(executor, send, targetBps, now -> 0, probe -> { });
    }

    /**
     * @param targetBps the congestion controller's target now; see {@link #setTarget}
     * @param padding makes up a probe's bytes when media is short
     * @param probeSent told each probe once its last packet left
     */
    public Pacer(SerialExecutor executor, Consumer<RtpPacket> send, long targetBps, Padding padding,
            Consumer<SentProbe> probeSent) {
        this.executor = executor;
        this.send = send;
        this.padding = padding;
        this.probeSent = probeSent;
        this.drain = new PeriodicTask(executor, INTERVAL_MILLIS, this::process);
        setTarget(targetBps);
    }

    /** Queues a probe: it starts when the ones before it are done. */
    public void probe(ProbeRequest request) {
        if (closed) {
            return;
        }
        probes.add(request);
        process();
        drain.start();
    }

    /** Probes given up because nothing was left to pad them with. */
    public long probesAbandoned() {
        return probesAbandoned;
    }

    public void setTarget(long targetBps) {
        if (targetBps < 1) {
            throw new IllegalArgumentException("target must be positive, got " + targetBps);
        }
        this.rateBps = Math.round(targetBps * PACING_FACTOR);
    }

    /** Queues a packet; it leaves now if the budget allows. */
    public void enqueue(RtpPacket packet) {
        if (closed) {
            return;
        }
        queue.add(new Queued(packet, executor.nanoTime()));
        queuedBits += 8L * packet.length();
        process();
        if (!queue.isEmpty()) {
            drain.start();
        }
    }

    /** Packets waiting now. */
    public int queued() {
        return queue.size();
    }

    private void process() {
        long now = executor.nanoTime();
        if (probing == null && !probes.isEmpty()) {
            probing = new ActiveProbe(probes.poll());
        }
        long rate = probing == null ? rateBps : Math.max(rateBps, probing.request.rateBps());
        if (!queue.isEmpty()) { // fast enough that the oldest packet leaves by its deadline
            long left = queue.peek().enqueuedNanos() + MAX_QUEUE_MILLIS * 1_000_000 - now;
            rate = Math.max(rate, (long) (queuedBits / (Math.max(left, INTERVAL_MILLIS * 1_000_000) / 1e9)));
        }
        budgetBits = lastRefillNanos == Long.MIN_VALUE ? Double.MAX_VALUE
                : budgetBits + rate * ((now - lastRefillNanos) / 1e9);
        lastRefillNanos = now;
        budgetBits = Math.min(budgetBits, rate * MAX_SAVED_MILLIS / 1000.0);
        while (budgetBits >= 0 && (!queue.isEmpty() || probing != null)) {
            long before = executor.nanoTime();
            int bytes;
            if (!queue.isEmpty()) {
                RtpPacket packet = queue.poll().packet();
                bytes = packet.length();
                queuedBits -= 8L * bytes;
                send.accept(packet);
            } else {
                bytes = padding.sendPadding(before);
                if (bytes == 0) {
                    probesAbandoned++;
                    probing = null;
                    break;
                }
            }
            budgetBits -= 8L * bytes;
            if (probing != null && probing.sent(bytes, before, executor.nanoTime())) {
                probeSent.accept(new SentProbe(probing.request, probing.firstSendNanos, probing.lastSendNanos));
                probing = null;
            }
        }
        if (queue.isEmpty() && probing == null && probes.isEmpty()) {
            drain.stop();
        }
    }

    private record Queued(RtpPacket packet, long enqueuedNanos) {}

    /**
     * A probe under way. Its window opens before its first packet leaves and closes after its
     * last: the transport-wide send stamps of its packets fall inside.
     */
    private static final class ActiveProbe {
        final ProbeRequest request;
        long bytesLeft;
        long firstSendNanos = Long.MIN_VALUE;
        long lastSendNanos;

        ActiveProbe(ProbeRequest request) {
            this.request = request;
            this.bytesLeft = request.bytes();
        }

        /** @return whether the probe is complete */
        boolean sent(int bytes, long beforeNanos, long afterNanos) {
            if (firstSendNanos == Long.MIN_VALUE) {
                firstSendNanos = beforeNanos;
            }
            lastSendNanos = afterNanos;
            bytesLeft -= bytes;
            return bytesLeft <= 0;
        }
    }

    /** Drops what is queued; nothing is sent after. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        probes.clear();
        probing = null;
        queuedBits = 0;
        drain.close();
    }
}
