package dev.parley.rtc.ice;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.stun.ErrorCode;
import dev.parley.rtc.stun.IceControlled;
import dev.parley.rtc.stun.IceControlling;
import dev.parley.rtc.stun.Priority;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunCredentials;
import dev.parley.rtc.stun.StunIntegrity;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMessageBuilder;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.StunResponse;
import dev.parley.rtc.stun.TransactionId;
import dev.parley.rtc.stun.UseCandidate;
import dev.parley.rtc.stun.Username;
import dev.parley.rtc.stun.RetransmissionSchedule;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends connectivity checks and judges their answers (RFC 8445 §7.2), paced by Ta, and nominates
 * as the controlling agent with regular nomination (RFC 8445 §8.1.1): once a pair has succeeded and
 * no better pair can still succeed — or {@link IceSettings#nominationWait()} after the first
 * success — the best succeeded pair is checked again with USE-CANDIDATE.
 */
final class ConnectivityChecks {
    private final IceAgent agent;
    private final SecureRandom random;
    /** Pairs whose next check carries USE-CANDIDATE (controlling). */
    private final Set<CandidatePair> nominating = new HashSet<>();
    /** Pairs the controlled side was told to use once they succeed (RFC 8445 §7.3.1.5). */
    private final Set<CandidatePair> nominatedByPeer = new HashSet<>();
    private SerialExecutor.Cancellable pacer;
    private SerialExecutor.Cancellable nominationTimer;
    private long pacerDueNanos;
    private long lastCheckNanos = Long.MIN_VALUE;
    private boolean nominationDone;
    private boolean stopped;
    /** Bumped by {@link #reset}, so answers to the previous session's checks are ignored. */
    private int generation;

    ConnectivityChecks(IceAgent agent, SecureRandom random) {
        this.agent = agent;
        this.random = random;
    }

    /** Pairs a local with a remote candidate and schedules checks for it. */
    CandidatePair pair(LocalCandidate local, IceCandidate remote) {
        CandidatePair pair = agent.checkList().add(local.candidate(), remote);
        if (pair != null) {
            agent.checkList().unfreezeInitial();
            start();
        }
        return pair;
    }

    /** Starts (or resumes) checking once remote credentials are known. */
    void start() {
        if (agent.remoteCredentials() == null || stopped || agent.checkList().pairs().isEmpty()) {
            return;
        }
        if (agent.connectionState() == RTCIceConnectionState.NEW) {
            agent.setConnectionState(RTCIceConnectionState.CHECKING);
        }
        scheduleNext();
    }

    /** A triggered check (RFC 8445 §7.3.1.4), sent ahead of ordinary ones. */
    void trigger(CandidatePair pair) {
        if (pair.state() != CandidatePairState.IN_PROGRESS) {
            pair.state(CandidatePairState.WAITING);
            agent.checkList().trigger(pair);
        }
        start();
    }

    /** The peer sent USE-CANDIDATE on this pair (controlled side, RFC 8445 §7.3.1.5). */
    void nominatedByPeer(CandidatePair pair) {
        if (pair.state() == CandidatePairState.SUCCEEDED) {
            pair.nominate();
            agent.select(pair);
        } else {
            nominatedByPeer.add(pair);
        }
    }

    /** Forgets the session's checks (ICE restart): running ones are abandoned, nomination starts over. */
    void reset() {
        if (pacer != null) {
            pacer.cancel();
            pacer = null;
        }
        if (nominationTimer != null) {
            nominationTimer.cancel();
            nominationTimer = null;
        }
        nominating.clear();
        nominatedByPeer.clear();
        nominationDone = false;
        generation++;
    }

    void stop() {
        stopped = true;
        if (pacer != null) {
            pacer.cancel();
        }
        if (nominationTimer != null) {
            nominationTimer.cancel();
        }
    }

    /**
     * Nothing left to try (RFC 8445 §8.1.2): gathering is done and every pair failed — or there
     * is no pair at all and the peer said it has no more candidates (RFC 8838 §8.2).
     */
    void evaluateFailure() {
        boolean nothingLeft = agent.checkList().allFailed()
                || agent.checkList().pairs().isEmpty() && agent.remoteCandidatesComplete();
        if (nothingLeft && agent.gatheringState() == RTCIceGatheringState.COMPLETE && agent.selectedPair() == null) {
            agent.setConnectionState(RTCIceConnectionState.FAILED);
        }
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        long now = agent.executor().nanoTime();
        long pacing = agent.settings().checkPacing().toNanos();
        // Ordinary checks are paced by Ta (RFC 8445 §14.2). Triggered checks go at once: each
        // answers an authenticated check of the peer's (so the peer's pacing bounds them) or is
        // our one nomination, and waiting Ta for them only delays the connection.
        boolean paced = lastCheckNanos != Long.MIN_VALUE && !agent.checkList().hasTriggered();
        long due = paced ? Math.max(now, lastCheckNanos + pacing) : now;
        if (pacer != null) {
            if (pacerDueNanos <= due) {
                return;
            }
            pacer.cancel();
        }
        pacerDueNanos = due;
        pacer = agent.executor().schedule(this::tick, due - now, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        pacer = null;
        if (stopped || agent.remoteCredentials() == null) {
            return;
        }
        CandidatePair pair = agent.checkList().next();
        if (pair == null) {
            return; // idle until a pair is added, triggered or unfrozen
        }
        send(pair);
        lastCheckNanos = agent.executor().nanoTime();
        scheduleNext();
    }

    private void send(CandidatePair pair) {
        boolean controlling = agent.controlling();
        boolean useCandidate = controlling && nominating.contains(pair);
        pair.state(CandidatePairState.IN_PROGRESS);
        int sentIn = generation;
        check(pair, useCandidate, agent.settings().checkSchedule(), agent.localCredentials(), agent.remoteCredentials())
                .whenComplete((response, failure) -> {
                    if (!stopped && sentIn == generation) {
                        onResult(pair, controlling, useCandidate, response, failure);
                    }
                });
    }

    /**
     * Sends one Binding request on {@code pair} as RFC 8445 §7.2.2 builds it — also used for
     * consent checks (RFC 7675 §5.1) — and completes with the peer's authenticated answer.
     */
    CompletableFuture<StunResponse> check(CandidatePair pair, boolean useCandidate, RetransmissionSchedule schedule,
            IceCredentials localCredentials, IceCredentials remote) {
        LocalCandidate local = agent.gatherer().localFor(pair.local());
        StunMessageBuilder builder = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random))
                .add(new Username(remote.ufrag() + ":" + localCredentials.ufrag()))
                .add(new Priority(local.peerReflexivePriority()))
                .add(agent.controlling() ? new IceControlling(agent.tieBreaker()) : new IceControlled(agent.tieBreaker()));
        if (useCandidate) {
            builder.add(new UseCandidate());
        }
        byte[] key = StunCredentials.shortTermKey(remote.password());
        StunMessage request = builder.addMessageIntegrity(key).addFingerprint().build();
        // Over TCP a check is sent once, never retransmitted (RFC 6544 §7.1, RFC 8489 §6.2.2),
        // and its answer must come back on the same connection.
        boolean tcp = pair.local().protocol() == TransportProtocol.TCP;
        return agent.transactions().start(request, request.toBytes(),
                bytes -> local.transport().send(bytes, pair.remote().address()), schedule, tcp,
                // RFC 8445 §7.2.5.2.1: the response must come from where the check went,
                // and be authenticated with the peer's password.
                response -> response.from().equals(pair.remote().address())
                        && (!tcp || agent.tcpConnections().arrivingOn(pair.local()))
                        && StunIntegrity.checkIntegrity(response.raw(), key));
    }

    private void onResult(CandidatePair pair, boolean sentControlling, boolean sentUseCandidate, StunResponse response,
            Throwable failure) {
        if (failure != null) {
            pair.state(CandidatePairState.FAILED);
        } else if (response.isSuccess()) {
            onSuccess(pair, sentUseCandidate);
        } else if (response.errorCode() == ErrorCode.ROLE_CONFLICT) {
            // RFC 8445 §7.2.5.1: switch to the role the peer did not claim, then check again.
            agent.counters().roleConflicts++;
            agent.setControlling(!sentControlling);
            pair.state(CandidatePairState.WAITING);
            trigger(pair);
            return;
        } else {
            pair.state(CandidatePairState.FAILED);
        }
        if (pair.state() == CandidatePairState.FAILED) {
            if (nominating.remove(pair)) {
                nominationDone = false; // the nominated pair broke: nominate again
            }
            evaluateFailure();
            considerNomination();
        }
        scheduleNext();
    }

    private void onSuccess(CandidatePair pair, boolean sentUseCandidate) {
        pair.state(CandidatePairState.SUCCEEDED);
        agent.onValidPair(pair);
        agent.checkList().unfreezeFoundation(pair.foundation());
        if (sentUseCandidate || nominatedByPeer.remove(pair)) {
            pair.nominate();
            agent.select(pair);
            return;
        }
        considerNomination();
    }

    /** Controlling side: nominate the best succeeded pair once nothing better can still succeed. */
    private void considerNomination() {
        if (!agent.controlling() || nominationDone) {
            return;
        }
        CandidatePair best = null;
        boolean betterPending = false;
        for (CandidatePair p : agent.checkList().pairs()) { // highest priority first
            if (p.state() == CandidatePairState.SUCCEEDED) {
                best = p;
                break;
            }
            if (p.state() != CandidatePairState.FAILED) {
                betterPending = true;
            }
        }
        if (best == null) {
            return;
        }
        if (!betterPending) {
            nominate(best);
        } else if (nominationTimer == null) {
            nominationTimer = agent.executor().schedule(() -> {
                nominationTimer = null;
                CandidatePair top = bestSucceeded();
                if (top != null) {
                    nominate(top);
                }
            }, agent.settings().nominationWait().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private CandidatePair bestSucceeded() {
        for (CandidatePair p : agent.checkList().pairs()) {
            if (p.state() == CandidatePairState.SUCCEEDED) {
                return p;
            }
        }
        return null;
    }

    private void nominate(CandidatePair pair) {
        nominationDone = true;
        if (nominationTimer != null) {
            nominationTimer.cancel();
            nominationTimer = null;
        }
        nominating.add(pair);
        agent.checkList().trigger(pair);
        pair.state(CandidatePairState.WAITING);
        scheduleNext();
    }
}
