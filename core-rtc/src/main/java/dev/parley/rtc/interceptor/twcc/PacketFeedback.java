package dev.parley.rtc.interceptor.twcc;

/**
 * What the peer reported about one packet we sent: when we sent it, how big it was, and when it
 * arrived (on the receiver's clock, which only differences make sense of) or that it did not.
 *
 * @param transportSequenceNumber the transport-wide sequence number, unwrapped (monotonic)
 * @param sendNanos  when it left, on our executor's clock
 * @param sizeBytes  the RTP packet's size (header and payload, before SRTP)
 * @param arrivalMicros when it arrived on the receiver's clock, or {@link #NOT_RECEIVED}
 */
public record PacketFeedback(long transportSequenceNumber, long sendNanos, int sizeBytes, long arrivalMicros) {
    public static final long NOT_RECEIVED = Long.MIN_VALUE;

    public boolean received() {
        return arrivalMicros != NOT_RECEIVED;
    }
}
