package dev.parley.rtc.ice;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.PacketDemultiplexer;
import dev.parley.rtc.net.PacketKind;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunClientTransactions;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunParseException;
import dev.parley.rtc.stun.StunResponse;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A full ICE agent (RFC 8445) for one data stream with one component, as WebRTC uses it with
 * BUNDLE and rtcp-mux: it gathers candidates, checks pairs, nominates (regular nomination, as
 * browsers do), keeps consent (RFC 7675) and carries the stream's packets on the selected pair.
 *
 * <p>All state lives on one {@link SerialExecutor}; public methods may be called from any thread
 * and hop onto it, and every {@link IceAgentListener} callback runs on it. {@link #send} is the
 * exception: it is the media hot path and sends straight from the caller's thread.
 *
 * <p>The work is split by job: {@link CandidateGatherer} finds local candidates,
 * {@link ConnectivityChecks} sends and judges checks and nominates, {@link BindingRequestHandler}
 * answers the peer's checks, {@link ConsentFreshness} watches the selected pair. ICE-TCP
 * (RFC 6544) adds {@link TcpCandidates}, passive and active host candidates, and
 * {@link TcpCheckConnections}, the connection each TCP pair checks and sends on.
 */
public final class IceAgent implements AutoCloseable {
    private final SerialExecutor executor;
    private final IceSettings settings;
    private final IceAgentListener listener;
    private IceCredentials localCredentials;
    /** The credentials before an ICE restart, still answered until a new pair is selected (RFC 8445 §9). */
    private IceCredentials previousLocalCredentials;
    private final IceCounters counters = new IceCounters();
    private final StunClientTransactions transactions;
    private CheckList checkList;
    private final List<IceCandidate> remoteCandidates = new ArrayList<>();
    private final CandidateGatherer gatherer;
    private final ConnectivityChecks checks;
    private final BindingRequestHandler requests;
    private final ConsentFreshness consent;
    /** ICE-TCP (RFC 6544): the candidates' listeners, and the connections each pair checks and sends on. */
    private final TcpCheckConnections tcpConnections;
    private final TcpCandidates tcpCandidates;
    private final long tieBreaker;

    private boolean controlling;
    private IceCredentials remoteCredentials;
    private RTCIceConnectionState connectionState = RTCIceConnectionState.NEW;
    private RTCIceGatheringState gatheringState = RTCIceGatheringState.NEW;
    private volatile CandidatePair selectedPair;
    /**
     * The best pair whose check succeeded while none is selected yet. RFC 8445 §12.1 lets an agent
     * send on a valid pair before nomination; Chromium starts DTLS right after its first successful
     * check, and answering it only after USE-CANDIDATE would cost a handshake retransmission.
     */
    private volatile CandidatePair validPair;
    private volatile boolean canSend = true;
    private boolean closed;
    /** The peer signalled end-of-candidates for the current session. */
    private boolean remoteCandidatesComplete;
    /** Between an ICE restart and the selection of a pair of the new session. */
    private boolean restartPending;

    /**
     * @param controlling the initial role: the offerer is controlling (RFC 8829 §5.1.1)
     * @param iceServers STUN and TURN servers to gather through
     */
    public IceAgent(Net net, SerialExecutor executor, IceSettings settings, IceCredentials localCredentials,
            boolean controlling, List<RTCIceServer> iceServers, RTCIceTransportPolicy policy,
            IceAgentListener listener, SecureRandom random) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.localCredentials = Objects.requireNonNull(localCredentials, "localCredentials");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.controlling = controlling;
        this.tieBreaker = random.nextLong();
        this.transactions = new StunClientTransactions(executor);
        this.checkList = new CheckList(controlling, settings.maxPairs());
        this.gatherer = new CandidateGatherer(this, net, iceServers, policy, random);
        this.checks = new ConnectivityChecks(this, random);
        this.requests = new BindingRequestHandler(this);
        this.consent = new ConsentFreshness(this, random);
        this.tcpConnections = new TcpCheckConnections(this, net);
        this.tcpCandidates = new TcpCandidates(this, net, tcpConnections);
    }

    // ---- public API ------------------------------------------------------------------------

    /** Starts gathering; candidates arrive through {@link IceAgentListener#onLocalCandidate}. */
    public void gather() {
        onExecutor(() -> {
            if (gatheringState == RTCIceGatheringState.NEW && !closed) {
                setGatheringState(RTCIceGatheringState.GATHERING);
                gatherer.start();
            }
        });
    }

    /**
     * The peer's ufrag and password, from its description; checks start once they are known. New
     * credentials from the peer mean it restarted ICE: the check list starts afresh.
     */
    public void setRemoteCredentials(IceCredentials remote) {
        Objects.requireNonNull(remote, "remote");
        onExecutor(() -> {
            if (remoteCredentials != null && !remoteCredentials.equals(remote)) {
                // The peer restarted ICE first; our own restart() joins this session.
                holdPreviousCredentials();
                beginNewSession();
                restartPending = true;
            }
            remoteCredentials = remote;
            checks.start();
        });
    }

    /**
     * ICE restart (RFC 8445 §9): new local credentials and a fresh check list, while packets keep
     * flowing on the selected pair — and its consent checks keep the old credentials — until a
     * pair of the new session is selected. Local candidates are announced again for the new
     * session; the peer's new credentials come through {@link #setRemoteCredentials}, before or
     * after this call.
     */
    public void restart(IceCredentials newLocal) {
        Objects.requireNonNull(newLocal, "newLocal");
        onExecutor(() -> {
            if (closed || newLocal.equals(localCredentials)) {
                return;
            }
            holdPreviousCredentials();
            localCredentials = newLocal;
            // If the peer restarted first, its new candidates belong to this session: keep them.
            List<IceCandidate> remotes = restartPending ? List.copyOf(remoteCandidates) : List.of();
            beginNewSession();
            if (!restartPending) {
                remoteCredentials = null;
            }
            restartPending = true;
            setGatheringState(RTCIceGatheringState.GATHERING);
            for (LocalCandidate local : gatherer.allCandidates()) {
                listener.onLocalCandidate(local.candidate());
            }
            setGatheringState(RTCIceGatheringState.COMPLETE);
            for (IceCandidate remote : remotes) {
                addRemoteCandidate(remote);
            }
            checks.start();
        });
    }

    /** A remote candidate, signalled or trickled (RFC 8838): accepted at any time. */
    public void addRemoteCandidate(IceCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        onExecutor(() -> {
            if (closed) {
                return;
            }
            IceCandidate known = findRemote(candidate.address(), candidate.protocol());
            if (known != null) {
                if (known.type() == CandidateType.PEER_REFLEXIVE && candidate.type() != CandidateType.PEER_REFLEXIVE) {
                    // Its checks came before its description: the signalled form wins (as libwebrtc does).
                    remoteCandidates.set(remoteCandidates.indexOf(known), candidate);
                    checkList.replaceRemote(known, candidate);
                }
                return;
            }
            if (remoteCandidates.size() >= settings.maxRemoteCandidates()) {
                counters.remoteCandidatesRefused++;
                return;
            }
            remoteCandidates.add(candidate);
            for (LocalCandidate local : gatherer.pairableCandidates()) {
                if (pairsWithSignalled(local)) {
                    checks.pair(local, candidate);
                }
            }
        });
    }

    /**
     * The peer has signalled all its candidates for this session ({@code a=end-of-candidates},
     * RFC 8838 §8.2): with nothing left to check, the agent may now conclude {@code failed}.
     */
    public void endOfRemoteCandidates() {
        onExecutor(() -> {
            remoteCandidatesComplete = true;
            checks.evaluateFailure();
        });
    }

    /**
     * Sends a packet (DTLS, RTP, RTCP) on the selected pair (before selection: on the best valid
     * pair), from any thread. Returns false when no check has succeeded yet, consent was lost, or
     * the transport dropped it.
     */
    public boolean send(byte[] packet) {
        CandidatePair pair = selectedPair != null ? selectedPair : validPair;
        if (pair == null || !canSend) {
            return false;
        }
        LocalCandidate local = gatherer.localFor(pair.local());
        return local != null && local.transport().send(packet, pair.remote().address());
    }

    /** The current local credentials; read on the executor after a {@link #restart}. */
    public IceCredentials localCredentials() {
        return localCredentials;
    }

    /** Whether packets can be sent: a pair is selected or a check already succeeded. */
    public boolean isWritable() {
        return selectedPair != null || validPair != null;
    }

    public CandidatePair selectedPair() {
        return selectedPair;
    }

    public boolean isControlling() {
        return controlling;
    }

    /** The current state; read it on the executor for a consistent view. */
    public RTCIceConnectionState connectionState() {
        return connectionState;
    }

    public RTCIceGatheringState gatheringState() {
        return gatheringState;
    }

    public IceCounters counters() {
        return counters;
    }

    /** A snapshot of the check list, highest priority first (for stats); call on the executor. */
    public List<CandidatePair> pairs() {
        return List.copyOf(checkList.pairs());
    }

    /** Stops everything: timers, transactions, sockets; the state becomes {@code closed}. */
    @Override
    public void close() {
        onExecutor(() -> {
            if (closed) {
                return;
            }
            closed = true;
            canSend = false;
            transactions.cancelAll();
            checks.stop();
            consent.stop();
            gatherer.close();
            tcpCandidates.close();
            setConnectionState(RTCIceConnectionState.CLOSED);
        });
    }

    // ---- shared with the agent's parts (executor only) -----------------------------------

    SerialExecutor executor() {
        return executor;
    }

    IceSettings settings() {
        return settings;
    }

    IceAgentListener listener() {
        return listener;
    }

    StunClientTransactions transactions() {
        return transactions;
    }

    CheckList checkList() {
        return checkList;
    }

    ConnectivityChecks checks() {
        return checks;
    }

    CandidateGatherer gatherer() {
        return gatherer;
    }

    BindingRequestHandler requests() {
        return requests;
    }

    TcpCandidates tcpCandidates() {
        return tcpCandidates;
    }

    TcpCheckConnections tcpConnections() {
        return tcpConnections;
    }

    boolean remoteCandidatesComplete() {
        return remoteCandidatesComplete;
    }

    long tieBreaker() {
        return tieBreaker;
    }

    boolean controlling() {
        return controlling;
    }

    boolean closed() {
        return closed;
    }

    IceCredentials remoteCredentials() {
        return remoteCredentials;
    }

    /** The local credentials a request's USERNAME names: the current ones, or those before a restart. */
    IceCredentials localCredentialsFor(String ufrag) {
        if (localCredentials.ufrag().equals(ufrag)) {
            return localCredentials;
        }
        if (previousLocalCredentials != null && previousLocalCredentials.ufrag().equals(ufrag)) {
            return previousLocalCredentials;
        }
        return null;
    }

    /** Keeps answering the selected pair's session's credentials until the restart completes. */
    private void holdPreviousCredentials() {
        if (previousLocalCredentials == null && selectedPair != null) {
            previousLocalCredentials = localCredentials;
        }
    }

    /** Forgets the previous session's check list and remote candidates; the selected pair stays. */
    private void beginNewSession() {
        checks.reset();
        checkList = new CheckList(controlling, settings.maxPairs());
        remoteCandidates.clear();
        remoteCandidatesComplete = false;
    }

    /**
     * Sets the role before the session's first offer/answer completes: the offerer controls (RFC
     * 8829 §5.1.1), and a local offer rolled back for the peer's (glare) leaves us the answerer.
     * Call on the executor.
     */
    public void setRole(boolean nowControlling) {
        setControlling(nowControlling);
    }

    /** Role switch after a conflict (RFC 8445 §7.3.1.1 and §7.2.5.1). */
    void setControlling(boolean nowControlling) {
        if (controlling != nowControlling) {
            controlling = nowControlling;
            checkList.setControlling(nowControlling);
        }
    }

    IceCandidate findRemote(InetSocketAddress address, TransportProtocol protocol) {
        for (IceCandidate c : remoteCandidates) {
            if (c.address().equals(address) && c.protocol() == protocol) {
                return c;
            }
        }
        return null;
    }

    /**
     * Learns a peer-reflexive remote candidate (RFC 8445 §7.3.1.3) from a check that reached
     * {@code local}, on its transport; null when the cap is reached.
     */
    IceCandidate learnPeerReflexive(InetSocketAddress address, long priority, IceCandidate local) {
        if (remoteCandidates.size() >= settings.maxRemoteCandidates()) {
            counters.remoteCandidatesRefused++;
            return null;
        }
        TcpType tcpType = local.tcpType() == null ? null : TcpCandidates.peerReflexiveTcpType(local.tcpType());
        IceCandidate prflx = new IceCandidate("prflx" + remoteCandidates.size(), 1, local.protocol(), priority,
                address, CandidateType.PEER_REFLEXIVE, null, tcpType);
        remoteCandidates.add(prflx);
        return prflx;
    }

    /**
     * Whether a local candidate is paired with the peer's signalled candidates. Not a passive TCP
     * one (RFC 6544 §6.2 prunes those pairs): it cannot send a check, and the peer's active
     * candidate connects from a port its signalling does not tell (it says 9); its pairs come from
     * the checks that arrive on accepted connections, as peer-reflexive ones.
     */
    private static boolean pairsWithSignalled(LocalCandidate local) {
        return local.candidate().tcpType() != TcpType.PASSIVE;
    }

    void onLocalCandidate(LocalCandidate local) {
        listener.onLocalCandidate(local.candidate());
        if (local.candidate().type() != CandidateType.SERVER_REFLEXIVE && pairsWithSignalled(local)) {
            for (IceCandidate remote : List.copyOf(remoteCandidates)) {
                checks.pair(local, remote);
            }
        }
    }

    void onGatheringDone() {
        setGatheringState(RTCIceGatheringState.COMPLETE);
        checks.evaluateFailure();
    }

    /** A check succeeded: until a pair is selected, packets may go on the best such pair. */
    void onValidPair(CandidatePair pair) {
        CandidatePair current = validPair;
        if (current == null || pair.priority() > current.priority()) {
            validPair = pair;
        }
        if (current == null && selectedPair == null) {
            listener.onWritable();
        }
    }

    void select(CandidatePair pair) {
        if (selectedPair == pair) {
            return;
        }
        selectedPair = pair;
        validPair = null;
        canSend = true;
        previousLocalCredentials = null; // the restart, if any, is complete
        restartPending = false;
        listener.onSelectedPairChange(pair);
        consent.watch(pair, localCredentials, remoteCredentials);
        setConnectionState(RTCIceConnectionState.CONNECTED);
    }

    /** Consent lost (RFC 7675 §5.1): stop sending on the selected pair. */
    void consentLost() {
        canSend = false;
        setConnectionState(RTCIceConnectionState.FAILED);
    }

    void setConnectionState(RTCIceConnectionState state) {
        if (connectionState == state || connectionState == RTCIceConnectionState.CLOSED) {
            return;
        }
        connectionState = state;
        listener.onConnectionStateChange(state);
    }

    /** Every datagram of every local UDP candidate comes here, on the executor. */
    void onDatagram(LocalCandidate local, byte[] data, InetSocketAddress from) {
        if (closed) {
            return;
        }
        if (PacketDemultiplexer.classify(data) == PacketKind.STUN) {
            onStun(local, data, from);
            return;
        }
        CandidatePair pair = checkList.find(local.candidate(), from);
        CandidatePair selected = selectedPair;
        if (pair == null && selected != null && selected.local().equals(local.candidate())
                && selected.remote().address().equals(from)) {
            pair = selected; // during an ICE restart the selected pair belongs to the old session
        }
        if (pair == null) {
            counters.packetsFromUnknownSources++;
            return;
        }
        listener.onPacket(data, pair);
    }

    private void onStun(LocalCandidate local, byte[] data, InetSocketAddress from) {
        StunMessage message;
        try {
            message = StunMessage.parse(data);
        } catch (StunParseException e) {
            counters.malformedStun++;
            return;
        }
        StunClass kind = message.messageClass();
        if (kind == StunClass.REQUEST) {
            requests.onRequest(local, message, data, from);
        } else if (kind == StunClass.SUCCESS_RESPONSE || kind == StunClass.ERROR_RESPONSE) {
            if (!transactions.onResponse(new StunResponse(message, data, from))) {
                counters.unmatchedResponses++;
            }
        }
        // Indications (keepalives, RFC 8445 §11) need no answer.
    }

    private void setGatheringState(RTCIceGatheringState state) {
        if (gatheringState != state) {
            gatheringState = state;
            listener.onGatheringStateChange(state);
        }
    }

    private void onExecutor(Runnable task) {
        if (executor.inExecutor()) {
            task.run();
        } else {
            executor.execute(task);
        }
    }
}
