package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckListTest {

    private static IceCandidate candidate(CandidateType type, String ip, int port, int localPref) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        return new IceCandidate(
                Foundations.of(type, address, null, TransportProtocol.UDP), 1, TransportProtocol.UDP,
                CandidatePriority.of(type, localPref, 1), new InetSocketAddress(address, port), type, null, null);
    }

    @Test
    void pairsAreOrderedByPairPriority() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        list.add(local, candidate(CandidateType.RELAYED, "198.51.100.1", 7000, 65535));
        list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535));
        list.add(local, candidate(CandidateType.SERVER_REFLEXIVE, "203.0.113.5", 6001, 65535));

        List<CandidatePair> pairs = list.pairs();
        assertEquals(CandidateType.HOST, pairs.get(0).remote().type());
        assertEquals(CandidateType.SERVER_REFLEXIVE, pairs.get(1).remote().type());
        assertEquals(CandidateType.RELAYED, pairs.get(2).remote().type());
    }

    @Test
    void incompatiblePairsAreNotFormed() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate v4 = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        assertNull(list.add(v4, candidate(CandidateType.HOST, "2001:db8::1", 6000, 65535)), "address families differ");
        IceCandidate srflx = candidate(CandidateType.SERVER_REFLEXIVE, "203.0.113.9", 5000, 65535);
        assertNull(list.add(srflx, candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535)), "srflx is pruned to its base");
        assertTrue(list.pairs().isEmpty());
    }

    @Test
    void redundantPairsArePruned() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        IceCandidate remote = candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535);
        assertNotNull(list.add(local, remote));
        assertNull(list.add(local, remote));
        assertEquals(1, list.pairs().size());
    }

    @Test
    void listIsCappedDroppingTheLowestPriorityPairs() throws Exception {
        CheckList list = new CheckList(true, 3);
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        for (int i = 0; i < 5; i++) {
            list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6000 + i, 1000 * (i + 1)));
        }
        assertEquals(3, list.pairs().size());
        assertEquals(6004, list.pairs().get(0).remote().address().getPort());
        assertEquals(6002, list.pairs().get(2).remote().address().getPort());
    }

    @Test
    void initialStatesUnfreezeOnePairPerFoundation() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        // Same remote IP and type: same foundation, so only the first of them waits.
        CandidatePair a = list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535));
        CandidatePair b = list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6001, 60000));
        CandidatePair c = list.add(local, candidate(CandidateType.HOST, "10.0.0.3", 6000, 50000));
        list.unfreezeInitial();
        assertEquals(CandidatePairState.WAITING, a.state());
        assertEquals(CandidatePairState.FROZEN, b.state());
        assertEquals(CandidatePairState.WAITING, c.state());

        list.unfreezeFoundation(a.foundation());
        assertEquals(CandidatePairState.WAITING, b.state());
    }

    @Test
    void nextServesTriggeredChecksFirstThenWaitingThenFrozen() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        CandidatePair high = list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535));
        CandidatePair low = list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6001, 100));
        list.unfreezeInitial();

        list.trigger(low);
        list.trigger(low);
        assertSame(low, list.next(), "the triggered queue comes first");
        assertSame(high, list.next(), "then the highest-priority waiting pair");
        high.state(CandidatePairState.IN_PROGRESS);
        low.state(CandidatePairState.FROZEN);
        assertNull(list.next(), "a frozen pair stays frozen while its foundation is in progress");
        high.state(CandidatePairState.FAILED);
        assertSame(low, list.next(), "with nothing active, the best frozen pair is unfrozen");
        assertEquals(CandidatePairState.WAITING, low.state());
    }

    @Test
    void roleChangeReordersThePairs() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate hostLocal = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        IceCandidate relayLocal = candidate(CandidateType.RELAYED, "198.51.100.2", 5000, 65535);
        CandidatePair p1 = list.add(hostLocal, candidate(CandidateType.RELAYED, "198.51.100.3", 7000, 65535));
        CandidatePair p2 = list.add(relayLocal, candidate(CandidateType.HOST, "10.0.0.2", 6000, 65000));
        long before = p1.priority();
        list.setControlling(false);
        assertFalse(before == p1.priority(), "G and D swap with the role");
        assertEquals(p1.priority() > p2.priority() ? p1 : p2, list.pairs().get(0));
    }

    @Test
    void allFailedOnlyWhenEveryPairFailed() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        assertFalse(list.allFailed(), "an empty list is still waiting for candidates");
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        CandidatePair a = list.add(local, candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535));
        CandidatePair b = list.add(local, candidate(CandidateType.HOST, "10.0.0.3", 6000, 65535));
        a.state(CandidatePairState.FAILED);
        assertFalse(list.allFailed());
        b.state(CandidatePairState.FAILED);
        assertTrue(list.allFailed());
    }

    @Test
    void aSignalledCandidateReplacesItsPeerReflexiveTwinKeepingThePairsState() throws Exception {
        CheckList list = new CheckList(true, CheckList.DEFAULT_MAX_PAIRS);
        IceCandidate local = candidate(CandidateType.HOST, "10.0.0.1", 5000, 65535);
        IceCandidate learned = candidate(CandidateType.PEER_REFLEXIVE, "10.0.0.2", 6000, 65535);
        CandidatePair pair = list.add(local, learned);
        pair.state(CandidatePairState.SUCCEEDED);
        long before = pair.priority();

        IceCandidate signalled = candidate(CandidateType.HOST, "10.0.0.2", 6000, 65535);
        list.replaceRemote(learned, signalled);
        assertSame(signalled, pair.remote());
        assertEquals(CandidatePairState.SUCCEEDED, pair.state(), "the check already done still counts");
        assertTrue(pair.priority() > before, "host outranks peer-reflexive");
    }
}
