package dev.parley.rtc.sctp;

import java.util.List;

/**
 * A SACK chunk (RFC 9260 §3.3.4).
 *
 * @param cumulativeTsnAck the last TSN received in sequence
 * @param receiverWindow   advertised receiver window credit (a_rwnd) in bytes, 0..2^32-1
 * @param gapAckBlocks     blocks received beyond the cumulative ack, in increasing order
 * @param duplicateTsns    TSNs received more than once since the last SACK
 */
public record SackChunk(long cumulativeTsnAck, long receiverWindow, List<GapAckBlock> gapAckBlocks,
                        List<Long> duplicateTsns) implements Chunk {
    public static final int TYPE = 3;

    public SackChunk {
        if ((cumulativeTsnAck & ~Tsn.MASK) != 0 || (receiverWindow & ~Tsn.MASK) != 0) {
            throw new IllegalArgumentException("cumulative TSN ack/a_rwnd out of 32-bit range");
        }
        gapAckBlocks = List.copyOf(gapAckBlocks);
        duplicateTsns = List.copyOf(duplicateTsns);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
