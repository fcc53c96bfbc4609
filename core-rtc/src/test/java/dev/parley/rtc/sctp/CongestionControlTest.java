package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 9260 §7.2.1–§7.2.4 window arithmetic, with an MTU of 1200 bytes unless a test says otherwise. */
class CongestionControlTest {
    private static final int MTU = 1200;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void initialCwndIsMin4MtuMax2Mtu4404AndSsthreshIsThePeersRwnd() {
        CongestionControl cc = new CongestionControl(MTU, 100_000);
        assertEquals(4404, cc.cwnd()); // min(4800, max(2400, 4404))
        assertEquals(100_000, cc.ssthresh());
        assertEquals(2000, new CongestionControl(500, 100_000).cwnd()); // min(2000, max(1000, 4404))
        assertEquals(4404, new CongestionControl(1500, 100_000).cwnd()); // min(6000, max(3000, 4404))
    }

    @Test
    void slowStartAddsTheBytesAckedButAtMostOneMtuPerSack() {
        CongestionControl cc = new CongestionControl(MTU, 100_000);
        cc.onSack(1, 2344, 4404, false); // two full chunks acked, window was full
        assertEquals(4404 + 1200, cc.cwnd());
        cc.onSack(2, 500, cc.cwnd(), false);
        assertEquals(4404 + 1200 + 500, cc.cwnd());
    }

    @Test
    void slowStartDoesNotGrowAWindowThatWasNotFullyUsed() {
        CongestionControl cc = new CongestionControl(MTU, 100_000);
        cc.onSack(1, 1172, 4403, false);
        assertEquals(4404, cc.cwnd());
    }

    @Test
    void congestionAvoidanceAddsOneMtuPerCwndOfBytesAckedWithPartialBytesAcked() {
        CongestionControl cc = new CongestionControl(MTU, 4000); // ssthresh 4000 < cwnd 4404
        cc.onSack(1, 2000, 4404, false);
        assertEquals(4404, cc.cwnd());
        assertEquals(2000, cc.partialBytesAcked());
        cc.onSack(2, 2500, 4404, false); // pba 4500 >= cwnd 4404 -> pba 96, cwnd + MTU
        assertEquals(5604, cc.cwnd());
        assertEquals(96, cc.partialBytesAcked());
        cc.onSack(3, 9000, 1000, false); // window not fully used: no growth, pba capped at cwnd
        assertEquals(5604, cc.cwnd());
        assertEquals(5604, cc.partialBytesAcked());
        cc.onSack(4, 1000, 1000, true); // everything acked: pba back to 0
        assertEquals(0, cc.partialBytesAcked());
    }

    @Test
    void fastRetransmitHalvesOnceAndHoldsTheWindowUntilTheExitPointIsAcked() {
        CongestionControl cc = grownTo(20_000);
        long cwnd = cc.cwnd();
        assertTrue(cc.onFastRetransmit(100));
        assertEquals(Math.max(cwnd / 2, 4 * MTU), cc.ssthresh());
        assertEquals(cc.ssthresh(), cc.cwnd());
        assertTrue(cc.inFastRecovery());

        long cut = cc.cwnd();
        assertFalse(cc.onFastRetransmit(120)); // a second loss in the same recovery: no second cut
        cc.onSack(90, 5000, 50_000, false); // no growth in Fast Recovery
        assertEquals(cut, cc.cwnd());
        assertEquals(2, cc.fastRetransmits());

        cc.onSack(100, 1172, cut, false); // exit point 100 acked: recovery over, and growth again
        assertFalse(cc.inFastRecovery());
        assertEquals(cut + 1172, cc.cwnd()); // cwnd == ssthresh is still slow start (§7.2.1 "<=")
        assertTrue(cc.onFastRetransmit(200));
        assertEquals(Math.max((cut + 1172) / 2, 4 * MTU), cc.cwnd());
    }

    @Test
    void fastRetransmitNeverCutsBelowFourMtu() {
        CongestionControl cc = new CongestionControl(MTU, 100_000);
        cc.onFastRetransmit(10);
        assertEquals(4800, cc.ssthresh());
        assertEquals(4800, cc.cwnd());
    }

    @Test
    void t3ExpirySetsSsthreshToHalfAndCwndToOneMtu() {
        CongestionControl cc = grownTo(20_000);
        long cwnd = cc.cwnd();
        cc.onFastRetransmit(5);
        cc.onT3Expired();
        assertEquals(Math.max(cwnd / 2 / 2, 4 * MTU), cc.ssthresh());
        assertEquals(MTU, cc.cwnd());
        assertFalse(cc.inFastRecovery());
        assertEquals(1, cc.t3Expiries());
    }

    @Test
    void anIdleSenderHalvesCwndPerRtoDownToFourMtuButNeverRaisesIt() {
        CongestionControl cc = grownTo(40_000);
        long cwnd = cc.cwnd();
        cc.onDataSent(0);
        cc.beforeSend(SECOND / 2, SECOND); // half an RTO idle: nothing
        assertEquals(cwnd, cc.cwnd());
        cc.beforeSend(5 * SECOND / 2, SECOND); // 2.5 RTOs: two halvings
        assertEquals(cwnd / 4, cc.cwnd());
        cc.beforeSend(16 * SECOND / 5, SECOND); // the half RTO left over + 0.7 -> one more
        assertEquals(Math.max(cwnd / 8, 4 * MTU), cc.cwnd());
        cc.beforeSend(100 * SECOND, SECOND);
        assertEquals(4 * MTU, cc.cwnd());

        cc.onT3Expired();
        cc.onDataSent(100 * SECOND);
        cc.beforeSend(200 * SECOND, SECOND);
        assertEquals(MTU, cc.cwnd()); // max(cwnd/2, 4 MTU) would have raised it
    }

    private static CongestionControl grownTo(long atLeast) {
        CongestionControl cc = new CongestionControl(MTU, 1_000_000);
        long tsn = 1;
        while (cc.cwnd() < atLeast) {
            cc.onSack(tsn++, MTU, cc.cwnd(), false);
        }
        return cc;
    }
}
