package dev.parley.rtc.ice;

import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.LocalAddress;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.StunResponse;
import dev.parley.rtc.stun.StunTimeoutException;
import dev.parley.rtc.stun.TransactionId;
import dev.parley.rtc.stun.TurnAllocation;
import dev.parley.rtc.stun.TurnClient;
import dev.parley.rtc.stun.TurnCredentials;
import dev.parley.rtc.stun.TurnException;
import dev.parley.rtc.stun.TurnServerConfig;
import dev.parley.rtc.stun.XorMappedAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the agent's local candidates (RFC 8445 §5.1.1): a host candidate on a UDP socket per usable
 * local address, and a server-reflexive one per host candidate and STUN server (Binding request,
 * RFC 8489). Each candidate is reported as soon as it is known (trickle ICE, RFC 8838); gathering
 * completes when every server has answered or timed out.
 */
final class CandidateGatherer {
    private static final Logger LOG = LoggerFactory.getLogger(CandidateGatherer.class);
    /** W3C {@code RTCPeerConnectionIceErrorEvent}: 701 when a server could not be reached. */
    static final int UNREACHABLE = 701;

    private final IceAgent agent;
    private final Net net;
    private final List<RTCIceServer> iceServers;
    private final RTCIceTransportPolicy policy;
    private final SecureRandom random;
    private final List<LocalCandidate> locals = new ArrayList<>();
    private final List<UdpSocket> sockets = new ArrayList<>();
    private int pendingServerRequests;
    private boolean started;
    private boolean done;

    CandidateGatherer(IceAgent agent, Net net, List<RTCIceServer> iceServers, RTCIceTransportPolicy policy,
            SecureRandom random) {
        this.agent = agent;
        this.net = net;
        this.iceServers = List.copyOf(iceServers);
        this.policy = policy;
        this.random = random;
    }

    /** Local candidates that can be paired: host and relayed (RFC 8445 §6.1.2.4). */
    List<LocalCandidate> pairableCandidates() {
        List<LocalCandidate> pairable = new ArrayList<>();
        for (LocalCandidate l : locals) {
            CandidateType type = l.candidate().type();
            if (type == CandidateType.RELAYED || type == CandidateType.HOST && policy == RTCIceTransportPolicy.ALL) {
                pairable.add(l);
            }
        }
        return pairable;
    }

    /** Every local candidate gathered so far, in the order found. */
    List<LocalCandidate> allCandidates() {
        synchronized (locals) {
            return List.copyOf(locals);
        }
    }

    /** The local candidate behind a pair's local side; thread-safe read for {@link IceAgent#send}. */
    LocalCandidate localFor(IceCandidate candidate) {
        synchronized (locals) {
            for (LocalCandidate l : locals) {
                if (l.candidate().equals(candidate)) {
                    return l;
                }
            }
        }
        return null;
    }

    void start() {
        started = true;
        List<LocalAddress> addresses;
        try {
            addresses = net.localAddresses(agent.settings().includeLoopback());
        } catch (IOException e) {
            LOG.warn("cannot list local addresses", e);
            addresses = List.of();
        }
        List<LocalCandidate> hosts = new ArrayList<>();
        List<LocalAddress> usable = new ArrayList<>();
        int position = 0;
        for (LocalAddress address : addresses) {
            if (address.isIpv6() && !agent.settings().includeIpv6() || !agent.settings().addressFilter().test(address)) {
                continue;
            }
            usable.add(address);
            LocalCandidate host = openHost(address, position++);
            if (host != null) {
                hosts.add(host);
            }
        }
        for (LocalCandidate host : hosts) {
            if (policy == RTCIceTransportPolicy.ALL) {
                agent.onLocalCandidate(host);
            }
        }
        gatherTcp(usable);
        for (RTCIceServer server : iceServers) {
            for (String url : server.urls()) {
                gatherFrom(server, url, hosts);
            }
        }
        finishIfDone();
    }

    /**
     * ICE-TCP host candidates (RFC 6544) on the addresses UDP host candidates use, announced after
     * those. Host candidates only: a relay-only policy would not use them.
     */
    private void gatherTcp(List<LocalAddress> usable) {
        if (!agent.settings().gatherTcp() || policy != RTCIceTransportPolicy.ALL) {
            return;
        }
        for (int position = 0; position < usable.size(); position++) {
            for (LocalCandidate tcp : agent.tcpCandidates().open(usable.get(position), position)) {
                announce(tcp);
            }
        }
    }

    void close() {
        for (LocalCandidate l : allCandidates()) {
            if (l.candidate().type() == CandidateType.RELAYED) {
                l.transport().close(); // deallocates (Refresh with LIFETIME 0)
            }
        }
        for (UdpSocket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private LocalCandidate openHost(LocalAddress address, int position) {
        LocalCandidate[] self = new LocalCandidate[1];
        UdpSocket socket;
        try {
            socket = net.openUdp(new InetSocketAddress(address.address(), 0),
                    (data, from) -> {
                        if (self[0] != null) {
                            agent.onDatagram(self[0], data, from);
                        }
                    },
                    agent.executor());
        } catch (IOException e) {
            LOG.warn("cannot open a UDP socket on {}", address.address().getHostAddress(), e);
            return null;
        }
        sockets.add(socket);
        // RFC 8421 in short: earlier interfaces first; on each, IPv6 and IPv4 interleave by order.
        int localPreference = Math.max(0, CandidatePriority.MAX_LOCAL_PREFERENCE - 128 * position);
        InetSocketAddress bound = socket.localAddress();
        IceCandidate candidate = new IceCandidate(
                Foundations.of(CandidateType.HOST, bound.getAddress(), null, TransportProtocol.UDP), 1,
                TransportProtocol.UDP, CandidatePriority.of(CandidateType.HOST, localPreference, 1), bound,
                CandidateType.HOST, null, null);
        LocalCandidate local = new LocalCandidate(candidate, new UdpTransport(socket), localPreference);
        self[0] = local;
        remember(local);
        return local;
    }

    private void gatherFrom(RTCIceServer server, String url, List<LocalCandidate> hosts) {
        IceServerUrl parsed;
        try {
            parsed = IceServerUrl.parse(url);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            agent.listener().onCandidateError(url, UNREACHABLE, e.getMessage());
            return;
        }
        if (parsed.scheme() == IceServerUrl.Scheme.STUNS) {
            agent.listener().onCandidateError(url, UNREACHABLE, "stuns: (STUN over TLS) is not supported; use stun: or turns:");
            return;
        }
        if (parsed.scheme().isTurn() && (server.username() == null || server.credential() == null)) {
            agent.listener().onCandidateError(url, UNREACHABLE, "a TURN server needs a username and a credential");
            return;
        }
        if (!parsed.scheme().isTurn() && policy == RTCIceTransportPolicy.RELAY) {
            return; // server-reflexive candidates would not be used
        }
        pendingServerRequests++;
        resolve(parsed.host()).whenComplete((address, failure) -> agent.executor().execute(() -> {
            pendingServerRequests--;
            if (failure != null) {
                agent.listener().onCandidateError(url, UNREACHABLE, "cannot resolve " + parsed.host());
            } else if (!agent.closed()) {
                InetSocketAddress serverAddress = new InetSocketAddress(address, parsed.port());
                for (LocalCandidate host : hosts) {
                    if (host.candidate().address().getAddress().getClass() != address.getClass()) {
                        continue;
                    }
                    if (parsed.scheme().isTurn()) {
                        allocateRelay(url, parsed, serverAddress, server, host);
                    } else {
                        requestReflexive(url, serverAddress, host);
                    }
                }
            }
            finishIfDone();
        }));
    }

    /** A relayed candidate from a TURN allocation made from {@code host}'s address (RFC 8445 §5.1.1.2). */
    private void allocateRelay(String url, IceServerUrl parsed, InetSocketAddress serverAddress, RTCIceServer server,
            LocalCandidate host) {
        TurnServerConfig config;
        int transportPenalty;
        if (parsed.scheme().isSecure()) {
            config = TurnServerConfig.tls(serverAddress, parsed.host()).withSslContext(agent.settings().turnTlsContext());
            transportPenalty = 2;
        } else if (parsed.transport() == TransportProtocol.TCP) {
            config = TurnServerConfig.tcp(serverAddress);
            transportPenalty = 1;
        } else {
            config = TurnServerConfig.udp(serverAddress);
            transportPenalty = 0;
        }
        config = config.withLocalBind(new InetSocketAddress(host.candidate().address().getAddress(), 0));
        LocalCandidate[] self = new LocalCandidate[1];
        pendingServerRequests++;
        TurnClient.allocate(net, agent.executor(), config, new TurnCredentials(server.username(), server.credential()),
                new TurnAllocation.Listener() {
                    @Override
                    public void onData(InetSocketAddress peer, byte[] data) {
                        if (self[0] != null) {
                            agent.onDatagram(self[0], data, peer);
                        }
                    }

                    @Override
                    public void onFailed(TurnException cause) {
                        LOG.warn("TURN allocation on {} ended: {}", url, cause.getMessage());
                    }
                }).whenComplete((allocation, failure) -> {
                    pendingServerRequests--;
                    if (agent.closed()) {
                        if (allocation != null) {
                            allocation.close();
                        }
                        return;
                    }
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        int code = cause instanceof TurnException && ((TurnException) cause).errorCode() != 0
                                ? ((TurnException) cause).errorCode() : UNREACHABLE;
                        agent.listener().onCandidateError(url, code, cause.getMessage());
                    } else {
                        self[0] = addRelay(allocation, serverAddress, host, transportPenalty);
                        allocation.mappedAddress().ifPresent(mapped -> addReflexive(mapped, serverAddress, host));
                    }
                    finishIfDone();
                });
    }

    private LocalCandidate addRelay(TurnAllocation allocation, InetSocketAddress serverAddress, LocalCandidate host,
            int transportPenalty) {
        // RFC 8421-style: relays over UDP before TCP before TLS, then by the base's own rank.
        int localPreference = Math.max(0, host.localPreference() - 4096 * transportPenalty);
        InetSocketAddress relayed = allocation.relayedAddress();
        IceCandidate candidate = new IceCandidate(
                Foundations.of(CandidateType.RELAYED, host.candidate().address().getAddress(), serverAddress.getAddress(),
                        TransportProtocol.UDP),
                1, TransportProtocol.UDP, CandidatePriority.of(CandidateType.RELAYED, localPreference, 1), relayed,
                CandidateType.RELAYED, allocation.mappedAddress().orElse(allocation.localAddress()), null);
        LocalCandidate local = new LocalCandidate(candidate, new RelayTransport(allocation, agent.executor()), localPreference);
        announce(local);
        return local;
    }

    private void requestReflexive(String url, InetSocketAddress server, LocalCandidate host) {
        StunMessage request = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random))
                .addFingerprint().build();
        pendingServerRequests++;
        agent.transactions().start(request, request.toBytes(), bytes -> host.transport().send(bytes, server),
                agent.settings().serverSchedule(), false, response -> response.from().equals(server))
                .whenComplete((response, failure) -> {
                    pendingServerRequests--;
                    if (!agent.closed()) {
                        onServerAnswer(url, server, host, response, failure);
                        finishIfDone();
                    }
                });
    }

    private void onServerAnswer(String url, InetSocketAddress server, LocalCandidate host, StunResponse response,
            Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof StunTimeoutException) {
                agent.listener().onCandidateError(url, UNREACHABLE, "STUN server " + server + " did not answer");
            }
            return;
        }
        if (!response.isSuccess()) {
            agent.listener().onCandidateError(url, response.errorCode(), "STUN server refused the Binding request");
            return;
        }
        XorMappedAddress mapped = response.message().first(XorMappedAddress.class).orElse(null);
        if (mapped != null) {
            addReflexive(mapped.address(), server, host);
        }
    }

    /** A server-reflexive candidate, unless the server saw the host's own address or one we have (RFC 8445 §5.1.3). */
    private void addReflexive(InetSocketAddress mapped, InetSocketAddress server, LocalCandidate host) {
        if (policy == RTCIceTransportPolicy.RELAY || mapped.equals(host.candidate().address()) || hasReflexive(mapped)) {
            return;
        }
        InetSocketAddress base = host.candidate().address();
        IceCandidate candidate = new IceCandidate(
                Foundations.of(CandidateType.SERVER_REFLEXIVE, base.getAddress(), server.getAddress(), TransportProtocol.UDP),
                1, TransportProtocol.UDP,
                CandidatePriority.of(CandidateType.SERVER_REFLEXIVE, host.localPreference(), 1),
                mapped, CandidateType.SERVER_REFLEXIVE, base, null);
        LocalCandidate local = new LocalCandidate(candidate, host.transport(), host.localPreference());
        announce(local);
    }

    /** Keeps a newly found candidate and reports it at once (trickle ICE, RFC 8838). */
    private void announce(LocalCandidate local) {
        remember(local);
        agent.onLocalCandidate(local);
    }

    /** {@link #localFor} reads the list from media threads, hence the lock. */
    private void remember(LocalCandidate local) {
        synchronized (locals) {
            locals.add(local);
        }
    }

    private boolean hasReflexive(InetSocketAddress address) {
        for (LocalCandidate l : locals) {
            if (l.candidate().type() == CandidateType.SERVER_REFLEXIVE && l.candidate().address().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private void finishIfDone() {
        if (started && !done && pendingServerRequests == 0) {
            done = true;
            agent.onGatheringDone();
        }
    }

    /** Literals resolve at once; names on a short-lived thread, so the executor never waits on DNS. */
    private static CompletableFuture<InetAddress> resolve(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return CompletableFuture.completedFuture(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<InetAddress> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(InetAddress.getByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "parley-dns");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** A host candidate's UDP socket as a {@link CandidateTransport}. */
    private record UdpTransport(UdpSocket socket) implements CandidateTransport {
        @Override
        public boolean send(byte[] packet, InetSocketAddress to) {
            return socket.send(packet, to);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
