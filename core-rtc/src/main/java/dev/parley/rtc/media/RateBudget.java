package dev.parley.rtc.media;

import java.time.Duration;

/**
 * A leaky bucket that keeps a sender within a bitrate it cannot control byte by byte: every send
 * fills the bucket, which drains at the rate; while it holds more than {@code burst} worth of the
 * rate, the next send is refused (and counted). Sends are whole — a frame, a retransmitted packet
 * — so the rate is met on average over the burst, not per packet.
 *
 * <p>Users: the video sender skips pictures (the encoder never sees them, so no reference
 * breaks) when an encoder overshoots — after a key frame, or while it still runs at a stale
 * bitrate, since FFmpeg's encoders take a new one only by reopening; and the NACK responder
 * refuses retransmissions beyond the congestion controller's target, so that repairing a burst
 * of loss does not cause the next one. Single-threaded.
 */
public final class RateBudget {
    private final long burstNanos;
    private long bitsPerSecond;
    private double bucketBits;
    private long lastLeakNanos = Long.MIN_VALUE;
    private long refused;

    public RateBudget(long bitsPerSecond, Duration burst) {
        if (burst.isNegative() || burst.isZero()) {
            throw new IllegalArgumentException("burst must be positive, got " + burst);
        }
        this.burstNanos = burst.toNanos();
        setRate(bitsPerSecond);
    }

    public void setRate(long newBitsPerSecond) {
        if (newBitsPerSecond < 1) {
            throw new IllegalArgumentException("rate must be positive, got " + newBitsPerSecond);
        }
        this.bitsPerSecond = newBitsPerSecond;
    }

    /** Whether a send may go now; a refusal is counted. */
    public boolean allows(long nowNanos) {
        leak(nowNanos);
        if (bucketBits > bitsPerSecond * (burstNanos / 1e9)) {
            refused++;
            return false;
        }
        return true;
    }

    /** {@code bytes} went out now. */
    public void spend(int bytes, long nowNanos) {
        leak(nowNanos);
        bucketBits += bytes * 8.0;
    }

    /** Sends refused so far. */
    public long refused() {
        return refused;
    }

    private void leak(long nowNanos) {
        if (lastLeakNanos != Long.MIN_VALUE && nowNanos > lastLeakNanos) {
            bucketBits = Math.max(0, bucketBits - bitsPerSecond * ((nowNanos - lastLeakNanos) / 1e9));
        }
        lastLeakNanos = nowNanos;
    }
}
