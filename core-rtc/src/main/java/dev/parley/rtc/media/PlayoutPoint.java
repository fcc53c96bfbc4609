package dev.parley.rtc.media;

/**
 * Where a received stream's playout is: the media of RTP timestamp {@code rtpTimestamp} was handed
 * to the track's sinks at {@code localNanos} on the receiver's monotonic clock. With the sender's
 * clock ({@link SenderClock}) it gives the stream's delay from capture to playout.
 */
public record PlayoutPoint(long rtpTimestamp, long localNanos) {}
