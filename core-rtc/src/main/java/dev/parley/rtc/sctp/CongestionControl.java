package dev.parley.rtc.sctp;

/**
 * SCTP congestion control for the association's one path (RFC 9260 §7.2): cwnd, ssthresh,
 * partial_bytes_acked and Fast Recovery. Byte counts are DATA chunk payload bytes, the same
 * measure as the flight size and the peer's rwnd.
 *
 * <pre>
 *            cwnd &lt;= ssthresh                        cwnd &gt; ssthresh
 *   +--------------------------+  cwnd grows   +------------------------------+
 *   | slow start (§7.2.1)      | ------------&gt; | congestion avoidance (§7.2.2)|
 *   | +min(acked, MTU) a SACK  |               | +MTU per cwnd of bytes acked |
 *   +--------------------------+               +------------------------------+
 *        ^           ^                                 |               |
 *        |           |   fast retransmit (§7.2.4):     |               |
 *        |           |   ssthresh = max(cwnd/2, 4 MTU) |               |
 *        |           |   cwnd = ssthresh; no growth    |               |
 *        |           +--- and no further cut until ----+               |
 *        |               the exit TSN is cum-acked                     |
 *        +---- T3-rtx expiry (§7.2.3): ssthresh = max(cwnd/2, 4 MTU), cwnd = 1 MTU
 * </pre>
 *
 * <p>cwnd grows only when it was fully used: before the SACK arrived the flight size was at least
 * cwnd (RFC 9260 §7.2.1 "only if the current congestion window is being fully utilized and the
 * data sender is not in Fast Recovery"; RFC 9260 dropped RFC 4960's third condition that the SACK
 * advance the cumulative TSN ack point). {@link RetransmissionQueue} sends new data while the flight
 * size is below cwnd, so a sender that has data and room in the peer's rwnd always fills cwnd.
 * Congestion avoidance applies the same two conditions; growth during Fast Recovery would undo the
 * window cut the recovery is for.
 */
final class CongestionControl {
    private final int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private boolean inFastRecovery;
    private long fastRecoveryExitTsn;
    private long lastDataSentNanos;
    private boolean sentAnyData;
    private long fastRetransmits;
    private long fastRecoveries;
    private long t3Expiries;

    /**
     * @param mtu     the path MTU in bytes (the SCTP packet size the association uses)
     * @param peerRwnd the peer's a_rwnd from its INIT or INIT ACK: the initial ssthresh (§7.2.1)
     */
    CongestionControl(int mtu, long peerRwnd) {
        if (mtu <= 0 || peerRwnd < 0) {
            throw new IllegalArgumentException("bad mtu/rwnd");
        }
        this.mtu = mtu;
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404)); // RFC 9260 §7.2.1
        this.ssthresh = peerRwnd;
    }

    /**
     * A SACK was processed (RFC 9260 §7.2.1, §7.2.2).
     *
     * @param cumulativeTsnAck the SACK's cumulative TSN ack
     * @param newlyAckedBytes  payload bytes acknowledged for the first time by this SACK, through the
     *                         cumulative ack or gap blocks, abandoned chunks not counted (RFC 3758 §3.5 A2)
     * @param flightBeforeSack the flight size before the SACK was processed
     * @param allAcked         nothing is outstanding any more
     */
    void onSack(long cumulativeTsnAck, long newlyAckedBytes, long flightBeforeSack, boolean allAcked) {
        if (inFastRecovery && Tsn.lessOrEqual(fastRecoveryExitTsn, cumulativeTsnAck)) {
            inFastRecovery = false; // §7.2.4 rule 7: all TSNs up to the exit point acknowledged
        }
        boolean fullyUtilized = flightBeforeSack >= cwnd;
        if (newlyAckedBytes > 0 && !inFastRecovery) {
            if (cwnd <= ssthresh) {
                if (fullyUtilized) {
                    cwnd += Math.min(newlyAckedBytes, mtu); // §7.2.1: at most L=1 MTU a SACK
                }
            } else {
                partialBytesAcked += newlyAckedBytes; // §7.2.2
                if (partialBytesAcked >= cwnd && fullyUtilized) {
                    partialBytesAcked -= cwnd;
                    cwnd += mtu;
                } else if (!fullyUtilized) {
                    partialBytesAcked = Math.min(partialBytesAcked, cwnd);
                }
            }
        }
        if (allAcked) {
            partialBytesAcked = 0; // §7.2.2: all data sent has been acknowledged
        }
    }

    /**
     * Chunks were marked for fast retransmit (RFC 9260 §7.2.4 rules 3 and 7). Outside Fast
     * Recovery: ssthresh = max(cwnd/2, 4 MTU), cwnd = ssthresh (§7.2.3), and Fast Recovery lasts
     * until {@code highestOutstandingTsn} is cumulatively acknowledged. Inside it, nothing changes.
     *
     * @return whether this started a Fast Recovery (and cut the window)
     */
    boolean onFastRetransmit(long highestOutstandingTsn) {
        fastRetransmits++;
        if (inFastRecovery) {
            return false;
        }
        fastRecoveries++;
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = ssthresh;
        partialBytesAcked = 0;
        inFastRecovery = true;
        fastRecoveryExitTsn = highestOutstandingTsn;
        return true;
    }

    /**
     * T3-rtx expired (RFC 9260 §6.3.3 E1, §7.2.3): ssthresh = max(cwnd/2, 4 MTU), cwnd = 1 MTU.
     * A Fast Recovery in progress ends: the timeout starts a new loss episode from slow start.
     */
    void onT3Expired() {
        t3Expiries++;
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        inFastRecovery = false;
    }

    /**
     * Congestion window validation before sending (RFC 9260 §7.2.1, §7.2.2): for each RTO without
     * a DATA transmission, cwnd = max(cwnd/2, 4 MTU) — never raising a cwnd already below 4 MTU.
     */
    void beforeSend(long nowNanos, long rtoNanos) {
        if (!sentAnyData || rtoNanos <= 0) {
            return;
        }
        long idle = nowNanos - lastDataSentNanos;
        if (idle < rtoNanos) {
            return;
        }
        long periods = idle / rtoNanos;
        for (long i = 0; i < periods && cwnd > 4L * mtu; i++) {
            cwnd = Math.max(cwnd / 2, 4L * mtu);
        }
        lastDataSentNanos += periods * rtoNanos; // the part of an RTO already idle still counts
    }

    /** DATA was handed to the network at {@code nowNanos}. */
    void onDataSent(long nowNanos) {
        lastDataSentNanos = nowNanos;
        sentAnyData = true;
    }

    int mtu() {
        return mtu;
    }

    long cwnd() {
        return cwnd;
    }

    long ssthresh() {
        return ssthresh;
    }

    long partialBytesAcked() {
        return partialBytesAcked;
    }

    boolean inFastRecovery() {
        return inFastRecovery;
    }

    /** Fast retransmit events (SACKs that marked chunks for fast retransmit), for stats. */
    long fastRetransmits() {
        return fastRetransmits;
    }

    /** Fast Recoveries entered, i.e. window cuts on fast retransmit, for stats. */
    long fastRecoveries() {
        return fastRecoveries;
    }

    /** T3-rtx expiries, for stats. */
    long t3Expiries() {
        return t3Expiries;
    }

    @Override
    public String toString() {
        return "cwnd=" + cwnd + " ssthresh=" + ssthresh + " pba=" + partialBytesAcked
                + (inFastRecovery ? " fast-recovery(exit " + fastRecoveryExitTsn + ")" : "");
    }
}
