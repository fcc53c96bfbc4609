package dev.parley.rtc.srtp;

/**
 * The rollover counter and highest sequence number s_l of one SSRC, and the packet index
 * estimate of RFC 3711 §3.3.1 / Appendix A:
 *
 * <pre>
 *   if s_l &lt; 2^15:  v = ROC - 1 if SEQ - s_l &gt; 2^15, else ROC
 *   else:           v = ROC + 1 if s_l - 2^15 &gt; SEQ, else ROC
 *   index = 2^16 * v + SEQ
 * </pre>
 *
 * Before the first packet the ROC is 0 and any SEQ is taken as is, so a receiver that joins
 * mid-stream (ROC still 0, as WebRTC's signalling assumes) works from its first packet.
 */
final class RolloverState {
    private long roc;
    private int highestSeq = -1;

    /**
     * The index of {@code seq}, or -1 if it would precede index 0 (ROC - 1 with ROC = 0). May be
     * 2^48 or more if the ROC would pass 2^32 - 1: callers refuse that (the keys must change first,
     * RFC 3711 §9.2).
     */
    long estimate(int seq) {
        if (highestSeq < 0) {
            return seq;
        }
        long v = roc;
        if (highestSeq < 0x8000) {
            if (seq - highestSeq > 0x8000) {
                v = roc - 1;
            }
        } else if (highestSeq - 0x8000 > seq) {
            v = roc + 1;
        }
        if (v < 0) {
            return -1;
        }
        return (v << 16) | seq;
    }

    /** Moves ROC and s_l forward for an authenticated {@code index} (§3.3.1, last paragraph). */
    void update(long index) {
        long v = index >>> 16;
        int seq = (int) (index & 0xFFFF);
        if (highestSeq < 0 || v > roc) {
            roc = v;
            highestSeq = seq;
        } else if (v == roc && seq > highestSeq) {
            highestSeq = seq;
        }
    }
}
