package dev.parley.rtc.srtp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Dropped-packet counters shared by both directions of a session. Atomic because the sending and
 * receiving threads may both count (malformed input to protect) and a stats thread reads.
 */
final class SrtpCounters {
    final AtomicLong authFailures = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();

    SrtpException malformed(String message) {
        malformed.incrementAndGet();
        return new SrtpException(SrtpException.Reason.MALFORMED, message);
    }

    SrtpException replayed(String message) {
        replayed.incrementAndGet();
        return new SrtpException(SrtpException.Reason.REPLAYED, message);
    }

    SrtpException authenticationFailed(String message) {
        authFailures.incrementAndGet();
        return new SrtpException(SrtpException.Reason.AUTHENTICATION_FAILED, message);
    }
}
