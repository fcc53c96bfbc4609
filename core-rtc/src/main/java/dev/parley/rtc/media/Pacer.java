package dev.parley.rtc.media;

import dev.parley.rtc.interceptor.PeriodicTask;
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

    /** @param targetBps the congestion controller's target now; see {@link #setTarget} */
    public Pacer(SerialExecutor executor, Consumer<RtpPacket> send, long targetBps) {
        this.executor = executor;
        this.send = send;
        this.drain = new PeriodicTask(executor, INTERVAL_MILLIS, this::process);
        setTarget(targetBps);
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
        long rate = rateBps;
        if (!queue.isEmpty()) { // fast enough that the oldest packet leaves by its deadline
            long left = queue.peek().enqueuedNanos() + MAX_QUEUE_MILLIS * 1_000_000 - now;
            rate = Math.max(rate, (long) (queuedBits / (Math.max(left, INTERVAL_MILLIS * 1_000_000) / 1e9)));
        }
        budgetBits = lastRefillNanos == Long.MIN_VALUE ? Double.MAX_VALUE
                : budgetBits + rate * ((now - lastRefillNanos) / 1e9);
        lastRefillNanos = now;
        budgetBits = Math.min(budgetBits, rate * MAX_SAVED_MILLIS / 1000.0);
        while (!queue.isEmpty() && budgetBits >= 0) {
            RtpPacket packet = queue.poll().packet();
            long bits = 8L * packet.length();
            queuedBits -= bits;
            budgetBits -= bits;
            send.accept(packet);
        }
        if (queue.isEmpty()) {
            drain.stop();
        }
    }

    private record Queued(RtpPacket packet, long enqueuedNanos) {}

    /** Drops what is queued; nothing is sent after. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        queuedBits = 0;
        drain.close();
    }
}
