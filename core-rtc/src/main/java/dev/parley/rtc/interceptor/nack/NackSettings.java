package dev.parley.rtc.interceptor.nack;

import java.time.Duration;

/**
 * How hard loss recovery tries.
 *
 * @param retryInterval      ask again for a packet still missing after this long (about a round
 *                           trip: the retransmission is on its way until then)
 * @param maxRequests        ask for one packet at most this many times
 * @param maxWait            give a packet up when it has been missing this long: a video frame
 *                           that late is no longer worth waiting for
 * @param maxMissing         track at most this many missing packets per stream; a larger gap
 *                           gives up its oldest (after such a burst a key frame is the way out)
 * @param historyPackets     packets the sender keeps per stream to answer NACKs (a power of two)
 * @param minResendInterval  the sender resends one packet at most once in this long, so NACKs
 *                           repeated before its retransmission arrived do not multiply it
 */
public record NackSettings(Duration retryInterval, int maxRequests, Duration maxWait, int maxMissing,
                           int historyPackets, Duration minResendInterval) {
    /** libwebrtc's order of magnitude: 10 requests, 1 s, 1000 missing; 1024 packets of history (~4 s of 720p). */
    public static final NackSettings DEFAULTS = new NackSettings(Duration.ofMillis(100), 10, Duration.ofSeconds(1),
            1000, 1024, Duration.ofMillis(50));

    public NackSettings {
        if (retryInterval.isNegative() || retryInterval.isZero() || maxWait.isNegative() || maxWait.isZero()
                || minResendInterval.isNegative()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (maxRequests < 1 || maxMissing < 1) {
            throw new IllegalArgumentException("maxRequests and maxMissing must be at least 1");
        }
        if (historyPackets < 1 || historyPackets > 1 << 15 || Integer.bitCount(historyPackets) != 1) {
            throw new IllegalArgumentException("historyPackets must be a power of two up to 32768, got " + historyPackets);
        }
    }
}
