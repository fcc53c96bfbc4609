package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CandidatePriorityTest {

    @Test
    void hostPriorityMatchesChromiumsForItsFirstInterface() {
        // Chromium 156's offer: "candidate:2613294852 1 udp 2122260223 10.213.0.1 ... typ host".
        // 2122260223 = 126 << 24 | 32542 << 8 | 255: host, local preference 32542, component 1.
        assertEquals(2122260223L, CandidatePriority.of(CandidateType.HOST, 32542, 1));
    }

    @Test
    void typePreferenceDominatesLocalPreference() {
        long worstHost = CandidatePriority.of(CandidateType.HOST, 0, 1);
        long bestPrflx = CandidatePriority.of(CandidateType.PEER_REFLEXIVE, 65535, 1);
        long bestSrflx = CandidatePriority.of(CandidateType.SERVER_REFLEXIVE, 65535, 1);
        long bestRelay = CandidatePriority.of(CandidateType.RELAYED, 65535, 1);
        assertTrue(worstHost > bestPrflx);
        assertTrue(bestPrflx > bestSrflx);
        assertTrue(bestSrflx > bestRelay);
    }

    @Test
    void componentOneOutranksComponentTwo() {
        assertEquals(1, CandidatePriority.of(CandidateType.HOST, 100, 1) - CandidatePriority.of(CandidateType.HOST, 100, 2));
    }

    @Test
    void pairPriorityIsTheSameOnBothAgentsAndFavoursTheControllingSideOnTies() {
        long g = CandidatePriority.of(CandidateType.HOST, 65535, 1);
        long d = CandidatePriority.of(CandidateType.SERVER_REFLEXIVE, 65535, 1);
        // RFC 8445 §6.1.2.3: 2^32*MIN(G,D) + 2*MAX(G,D) + (G>D?1:0)
        assertEquals((d << 32) + 2 * g + 1, CandidatePriority.pair(g, d));
        assertEquals((d << 32) + 2 * g, CandidatePriority.pair(d, g));
    }

    @Test
    void largestPairPriorityDoesNotOverflow() {
        long max = CandidatePriority.of(CandidateType.HOST, 65535, 1);
        assertTrue(CandidatePriority.pair(max, max) > 0);
        assertTrue(CandidatePriority.pair(max, max) > CandidatePriority.pair(max, max - 1));
    }

    @Test
    void tcpLocalPreferenceFollowsRfc6544() {
        // RFC 6544 §4.2: 2^13 * direction-pref + other-pref
        assertEquals((6 << 13) + 100, CandidatePriority.tcpLocalPreference(TcpType.ACTIVE, 100));
        assertEquals((4 << 13), CandidatePriority.tcpLocalPreference(TcpType.PASSIVE, 0));
        assertThrows(IllegalArgumentException.class, () -> CandidatePriority.tcpLocalPreference(TcpType.SIMULTANEOUS_OPEN, 8192));
    }

    @Test
    void outOfRangeInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CandidatePriority.of(CandidateType.HOST, 65536, 1));
        assertThrows(IllegalArgumentException.class, () -> CandidatePriority.of(CandidateType.HOST, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> CandidatePriority.of(CandidateType.HOST, 1, 257));
    }
}
