package dev.parley.rtc.interceptor;

import dev.parley.rtc.net.SerialExecutor;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a peer connection gives each interceptor it creates.
 *
 * @param executor   the peer connection's executor: every call into an interceptor comes on it,
 *                   and interceptors schedule their timers on it (so their state needs no locks)
 * @param rtcpWriter where generated RTCP goes
 * @param rtpWriter  where generated RTP goes (retransmissions): it passes the whole outgoing chain
 *                   like any other packet, then SRTP
 * @param wallClock  wall-clock time, read where a protocol needs it (NTP timestamps in sender
 *                   reports); all intervals use the executor's monotonic {@link #nanoTime()}
 * @param random     randomness for timers and identifiers (the peer connection's SecureRandom;
 *                   tests may pass a seeded generator)
 */
public record InterceptorContext(SerialExecutor executor, RtcpWriter rtcpWriter, RtpWriter rtpWriter,
                                 Clock wallClock, RandomGenerator random) {
    public InterceptorContext {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(rtcpWriter, "rtcpWriter");
        Objects.requireNonNull(rtpWriter, "rtpWriter");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(random, "random");
    }

    /** Monotonic nanoseconds on the executor's clock: the time base of every {@code nowNanos}. */
    public long nanoTime() {
        return executor.nanoTime();
    }
}
