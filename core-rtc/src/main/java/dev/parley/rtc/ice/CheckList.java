package dev.parley.rtc.ice;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check list of one ICE session with a single component, as WebRTC uses with BUNDLE and
 * rtcp-mux: pairing, pruning and ordering (RFC 8445 §6.1.2), the frozen algorithm, and the
 * triggered-check queue (RFC 8445 §6.1.4). Owned by the agent's executor.
 */
final class CheckList {
    /** RFC 8445 §6.1.2.5 recommends a limit of 100 pairs. */
    static final int DEFAULT_MAX_PAIRS = 100;

    private static final Comparator<CandidatePair> BY_PRIORITY_DESCENDING =
            Comparator.comparingLong(CandidatePair::priority).reversed();

    private final int maxPairs;
    private final List<CandidatePair> pairs = new ArrayList<>();
    private final Deque<CandidatePair> triggered = new ArrayDeque<>();
    private boolean controlling;

    CheckList(boolean controlling, int maxPairs) {
        this.controlling = controlling;
        this.maxPairs = maxPairs;
    }

    /** The pairs, highest priority first. */
    List<CandidatePair> pairs() {
        return Collections.unmodifiableList(pairs);
    }

    /**
     * Pairs {@code local} with {@code remote} if they can be paired and the pair is not redundant
     * with one already listed (RFC 8445 §6.1.2.4: same local base and same remote candidate).
     * Server-reflexive local candidates are never paired: their base, a host candidate, stands for
     * them. Returns the new pair in the frozen state, or {@code null}.
     */
    CandidatePair add(IceCandidate local, IceCandidate remote) {
        if (local.type() == CandidateType.SERVER_REFLEXIVE || !local.canPairWith(remote)) {
            return null;
        }
        for (CandidatePair p : pairs) {
            if (p.local().address().equals(local.address()) && p.local().protocol() == local.protocol()
                    && p.remote().address().equals(remote.address())) {
                return null;
            }
        }
        CandidatePair pair = new CandidatePair(local, remote, controlling);
        int at = Collections.binarySearch(pairs, pair, BY_PRIORITY_DESCENDING);
        pairs.add(at < 0 ? -at - 1 : at, pair);
        if (pairs.size() > maxPairs) {
            CandidatePair dropped = pairs.remove(pairs.size() - 1);
            triggered.remove(dropped);
            if (dropped == pair) {
                return null;
            }
        }
        return pair;
    }

    /** The pair of this local candidate and this remote address, or {@code null}. */
    CandidatePair find(IceCandidate local, InetSocketAddress remoteAddress) {
        for (CandidatePair p : pairs) {
            if (p.local().equals(local) && p.remote().address().equals(remoteAddress)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Sets the initial states (RFC 8445 §6.1.2.6): per foundation, the highest-priority pair is
     * waiting; every other pair stays frozen.
     */
    void unfreezeInitial() {
        Set<String> seen = new HashSet<>();
        for (CandidatePair p : pairs) {
            if (p.state() == CandidatePairState.FROZEN && seen.add(p.foundation()) && !hasActive(p.foundation())) {
                p.state(CandidatePairState.WAITING);
            }
        }
    }

    /** After a success, frozen pairs of the same foundation wait (RFC 8445 §7.2.5.3.3). */
    void unfreezeFoundation(String foundation) {
        for (CandidatePair p : pairs) {
            if (p.state() == CandidatePairState.FROZEN && p.foundation().equals(foundation)) {
                p.state(CandidatePairState.WAITING);
            }
        }
    }

    /** Queues a triggered check (RFC 8445 §7.3.1.4); a pair is queued once. */
    void trigger(CandidatePair pair) {
        if (!triggered.contains(pair)) {
            triggered.addLast(pair);
        }
    }

    /** True while triggered checks wait to be sent. */
    boolean hasTriggered() {
        return !triggered.isEmpty();
    }

    /**
     * The pair for the next ordinary or triggered check (RFC 8445 §6.1.4.2): the head of the
     * triggered queue, else the highest-priority waiting pair, else the highest-priority frozen
     * pair whose foundation has nothing waiting or in progress. Returns {@code null} if none.
     */
    CandidatePair next() {
        CandidatePair head = triggered.pollFirst();
        if (head != null) {
            return head;
        }
        for (CandidatePair p : pairs) {
            if (p.state() == CandidatePairState.WAITING) {
                return p;
            }
        }
        for (CandidatePair p : pairs) {
            if (p.state() == CandidatePairState.FROZEN && !hasActive(p.foundation())) {
                p.state(CandidatePairState.WAITING);
                return p;
            }
        }
        return null;
    }

    /** Replaces a peer-reflexive remote candidate by its signalled twin in every pair, and re-sorts. */
    void replaceRemote(IceCandidate learned, IceCandidate signalled) {
        for (CandidatePair p : pairs) {
            if (p.remote().equals(learned)) {
                p.replaceRemote(signalled, controlling);
            }
        }
        pairs.sort(BY_PRIORITY_DESCENDING);
    }

    /** Role change (RFC 8445 §7.3.1.1): every pair priority is recomputed and the list re-sorted. */
    void setControlling(boolean nowControlling) {
        if (controlling == nowControlling) {
            return;
        }
        controlling = nowControlling;
        for (CandidatePair p : pairs) {
            p.updatePriority(controlling);
        }
        pairs.sort(BY_PRIORITY_DESCENDING);
    }

    /** True when every pair failed: nothing is left to try (RFC 8445 §7.2.5.3.5 / §8.1.2). */
    boolean allFailed() {
        if (pairs.isEmpty()) {
            return false;
        }
        for (CandidatePair p : pairs) {
            if (p.state() != CandidatePairState.FAILED) {
                return false;
            }
        }
        return true;
    }

    private boolean hasActive(String foundation) {
        for (CandidatePair p : pairs) {
            if ((p.state() == CandidatePairState.WAITING || p.state() == CandidatePairState.IN_PROGRESS)
                    && p.foundation().equals(foundation)) {
                return true;
            }
        }
        return false;
    }
}
