package dev.parley.rtc.ice;

import java.util.Objects;

/**
 * A local and a remote candidate to be checked together (RFC 8445 §6.1.2). Its state belongs to the
 * agent's executor; nothing here is thread-safe.
 */
public final class CandidatePair {
    private final IceCandidate local;
    private IceCandidate remote;
    private long priority;
    private CandidatePairState state = CandidatePairState.FROZEN;
    private boolean nominated;

    CandidatePair(IceCandidate local, IceCandidate remote, boolean controlling) {
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        updatePriority(controlling);
    }

    public IceCandidate local() {
        return local;
    }

    public IceCandidate remote() {
        return remote;
    }

    /** Pair priority for the agent's current role (RFC 8445 §6.1.2.3). */
    public long priority() {
        return priority;
    }

    public CandidatePairState state() {
        return state;
    }

    /** True once a check with USE-CANDIDATE succeeded on this pair (RFC 8445 §8.1.1). */
    public boolean nominated() {
        return nominated;
    }

    /** The pair's foundation: its candidates' foundations joined (RFC 8445 §6.1.2.6). */
    public String foundation() {
        return local.foundation() + ':' + remote.foundation();
    }

    /**
     * The peer signalled the candidate we had learned as peer-reflexive (RFC 8445 §7.3.1.3 lets
     * checks arrive before the signalling): the pair keeps its state and takes the signalled
     * type, foundation and priority.
     */
    void replaceRemote(IceCandidate signalled, boolean controlling) {
        remote = Objects.requireNonNull(signalled);
        updatePriority(controlling);
    }

    void state(CandidatePairState newState) {
        state = Objects.requireNonNull(newState);
    }

    void nominate() {
        nominated = true;
    }

    void updatePriority(boolean controlling) {
        priority = controlling
                ? CandidatePriority.pair(local.priority(), remote.priority())
                : CandidatePriority.pair(remote.priority(), local.priority());
    }

    @Override
    public String toString() {
        return local.type().sdpName() + " " + local.address() + " -> " + remote.type().sdpName() + " "
                + remote.address() + " [" + state.w3cName() + (nominated ? ", nominated" : "") + "]";
    }
}
