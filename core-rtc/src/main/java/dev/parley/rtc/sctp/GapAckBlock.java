package dev.parley.rtc.sctp;

/**
 * A gap ack block of a SACK (RFC 9260 §3.3.4): TSNs cumulativeTsnAck+start .. cumulativeTsnAck+end
 * were received. Offsets are 1..65535 and {@code start <= end}.
 */
public record GapAckBlock(int start, int end) {
    public GapAckBlock {
        if (start < 1 || end > 0xFFFF || start > end) {
            throw new IllegalArgumentException("bad gap ack block " + start + ".." + end);
        }
    }
}
