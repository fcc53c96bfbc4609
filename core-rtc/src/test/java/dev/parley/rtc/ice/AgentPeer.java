package dev.parley.rtc.ice;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.SerialExecutor;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One ICE agent in a test, with everything it reported recorded; {@link #signalTo} plays the
 * signalling channel, passing credentials and trickled candidates to the other agent.
 */
final class AgentPeer {
    final String name;
    final IceAgent agent;
    final List<IceCandidate> localCandidates = new CopyOnWriteArrayList<>();
    final List<RTCIceConnectionState> states = new CopyOnWriteArrayList<>();
    final BlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
    /** Completes when the agent first reports {@code connected}. */
    final CompletableFuture<CandidatePair> connectedOnce = new CompletableFuture<>();
    final CompletableFuture<Void> closedOnce = new CompletableFuture<>();
    final List<String> candidateErrors = new CopyOnWriteArrayList<>();
    volatile RTCIceGatheringState gathering = RTCIceGatheringState.NEW;
    /** One element per gathering-state change, so tests can wait for them. */
    final BlockingQueue<RTCIceGatheringState> gatheringChanged = new LinkedBlockingQueue<>();
    volatile CandidatePair selected;
    final List<CandidatePair> selections = new CopyOnWriteArrayList<>();
    /** Off: candidates are only recorded, and the test signals them itself (as for an ICE restart). */
    volatile boolean forwardCandidates = true;
    private volatile AgentPeer remote;

    AgentPeer(String name, Net net, SerialExecutor executor, IceSettings settings, boolean controlling,
            List<RTCIceServer> servers, RTCIceTransportPolicy policy, SecureRandom random) {
        this.name = name;
        this.agent = new IceAgent(net, executor, settings, IceCredentials.random(random), controlling, servers, policy,
                new IceAgentListener() {
                    @Override
                    public void onLocalCandidate(IceCandidate candidate) {
                        localCandidates.add(candidate);
                        AgentPeer peer = remote;
                        if (peer != null && forwardCandidates) {
                            peer.agent.addRemoteCandidate(candidate);
                        }
                    }

                    @Override
                    public void onGatheringStateChange(RTCIceGatheringState state) {
                        gathering = state;
                        gatheringChanged.add(state);
                        AgentPeer peer = remote;
                        if (state == RTCIceGatheringState.COMPLETE && peer != null && forwardCandidates) {
                            peer.agent.endOfRemoteCandidates(); // a=end-of-candidates, as signalling carries it
                        }
                    }

                    @Override
                    public void onCandidateError(String url, int errorCode, String errorText) {
                        candidateErrors.add(errorCode + " " + url + ": " + errorText);
                    }

                    @Override
                    public void onConnectionStateChange(RTCIceConnectionState state) {
                        states.add(state);
                        if (state == RTCIceConnectionState.CONNECTED) {
                            connectedOnce.complete(selected);
                        } else if (state == RTCIceConnectionState.CLOSED) {
                            closedOnce.complete(null);
                        }
                    }

                    @Override
                    public void onSelectedPairChange(CandidatePair pair) {
                        selected = pair;
                        selections.add(pair);
                    }

                    @Override
                    public void onPacket(byte[] packet, CandidatePair pair) {
                        packets.add(packet);
                    }
                }, random);
    }

    /** Wires both directions of signalling: credentials now, candidates as they trickle. */
    static void connect(AgentPeer a, AgentPeer b) {
        a.remote = b;
        b.remote = a;
        a.agent.setRemoteCredentials(b.agent.localCredentials());
        b.agent.setRemoteCredentials(a.agent.localCredentials());
        for (IceCandidate c : a.localCandidates) {
            b.agent.addRemoteCandidate(c);
        }
        for (IceCandidate c : b.localCandidates) {
            a.agent.addRemoteCandidate(c);
        }
        if (a.gathering == RTCIceGatheringState.COMPLETE) {
            b.agent.endOfRemoteCandidates();
        }
        if (b.gathering == RTCIceGatheringState.COMPLETE) {
            a.agent.endOfRemoteCandidates();
        }
    }

    RTCIceConnectionState state() {
        return states.isEmpty() ? RTCIceConnectionState.NEW : states.get(states.size() - 1);
    }

    boolean connected() {
        return state() == RTCIceConnectionState.CONNECTED && selected != null;
    }
}
