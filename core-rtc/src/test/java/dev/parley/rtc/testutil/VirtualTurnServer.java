package dev.parley.rtc.testutil;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.stun.ChannelData;
import dev.parley.rtc.stun.ChannelNumber;
import dev.parley.rtc.stun.Data;
import dev.parley.rtc.stun.ErrorCode;
import dev.parley.rtc.stun.Lifetime;
import dev.parley.rtc.stun.MessageIntegrity;
import dev.parley.rtc.stun.Nonce;
import dev.parley.rtc.stun.Realm;
import dev.parley.rtc.stun.RequestedTransport;
import dev.parley.rtc.stun.StunAttribute;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunCredentials;
import dev.parley.rtc.stun.StunIntegrity;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMessageBuilder;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.StunParseException;
import dev.parley.rtc.stun.TransactionId;
import dev.parley.rtc.stun.UnknownAttributes;
import dev.parley.rtc.stun.Username;
import dev.parley.rtc.stun.XorMappedAddress;
import dev.parley.rtc.stun.XorPeerAddress;
import dev.parley.rtc.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small but real TURN server (RFC 8656, UDP to the client and to peers) for tests on a {@link
 * Net}, usually a public host of the virtual network. One long-term credential (RFC 8489 §9.2),
 * allocations keyed by the client's transport address (the 5-tuple, §2.2: server address and
 * protocol are fixed here), permissions by peer IP (§9), channels (§12), Send/Data indications
 * (§11) and relaying both ways. Lifetimes are enforced lazily, on the server's clock, whenever
 * an allocation, permission or channel is looked at.
 *
 * <p>Not implemented (not needed by the engine's client): EVEN-PORT, RESERVATION-TOKEN,
 * DONT-FRAGMENT, IPv6 relays, TCP/TLS to the client, quotas.
 */
public final class VirtualTurnServer implements AutoCloseable {
    /** RFC 8656 §7.2: default allocation lifetime 10 minutes; we allow up to an hour. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    /** RFC 8656 §9: a permission lasts 300 s; §12: a channel binding 10 minutes. */
    static final Duration PERMISSION_LIFETIME = Duration.ofSeconds(300);
    static final Duration CHANNEL_LIFETIME = Duration.ofMinutes(10);

    private final Net net;
    private final SerialExecutor executor;
    private final UdpSocket socket;
    private final String username;
    private final String realm;
    private final byte[] key;
    private final Map<InetSocketAddress, Allocation> allocations = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private String nonce = "nonce-1";
    private int nonceGeneration = 1;
    private volatile long relayedToPeers;
    private volatile long relayedToClients;
    private volatile long droppedUnpermitted;
    private volatile long authFailures;
    private volatile long staleNonces;
    private volatile long allocationsMade;

    public VirtualTurnServer(Net net, InetSocketAddress bind, String realm, String username, String password)
            throws IOException {
        this.net = net;
        this.realm = realm;
        this.username = username;
        this.key = StunCredentials.longTermKey(username, realm, password);
        this.executor = net.newSerialExecutor("turn-server");
        this.socket = net.openUdp(bind, this::onClientDatagram, executor);
    }

    public InetSocketAddress address() {
        return socket.localAddress();
    }

    /** Datagrams relayed from clients out of their relayed addresses to peers. */
    public long relayedToPeers() {
        return relayedToPeers;
    }

    /** Datagrams relayed from peers to clients (as ChannelData or Data indications). */
    public long relayedToClients() {
        return relayedToClients;
    }

    /** Datagrams dropped for lack of a permission, either way (RFC 8656 §9). */
    public long droppedUnpermitted() {
        return droppedUnpermitted;
    }

    /** Authenticated requests refused: wrong user, wrong MESSAGE-INTEGRITY, missing attributes. */
    public long authFailures() {
        return authFailures;
    }

    /** 438 answers sent (RFC 8489 §9.2.4). */
    public long staleNonces() {
        return staleNonces;
    }

    public long allocationsMade() {
        return allocationsMade;
    }

    /** Live allocations (call on the clock's thread). */
    public int allocationCount() {
        for (InetSocketAddress client : new ArrayList<>(allocations.keySet())) {
            allocationOf(client); // closes it if expired
        }
        return allocations.size();
    }

    /** Makes the current nonce stale, so the next authenticated request gets 438 (RFC 8489 §9.2.4). */
    public void rotateNonce() {
        executor.execute(() -> nonce = "nonce-" + ++nonceGeneration);
    }

    // ---- from clients ----

    private void onClientDatagram(byte[] data, InetSocketAddress from) {
        // RFC 8656 §12.4: the first two bits tell ChannelData (01) from STUN (00).
        if (ChannelData.looksLikeChannelData(data, 0, data.length)) {
            onChannelData(data, from);
            return;
        }
        StunMessage message;
        try {
            message = StunMessage.parse(data);
        } catch (StunParseException e) {
            return;
        }
        if (message.messageClass() == StunClass.INDICATION && message.method().equals(StunMethod.SEND)) {
            onSendIndication(message, from);
        } else if (message.messageClass() == StunClass.REQUEST) {
            onRequest(message, data, from);
        }
    }

    private void onRequest(StunMessage request, byte[] raw, InetSocketAddress from) {
        if (request.method().equals(StunMethod.BINDING)) {
            // RFC 8656 §4: a TURN server is a STUN server too; Binding needs no credentials.
            socket.send(response(request, StunClass.SUCCESS_RESPONSE).add(new XorMappedAddress(from))
                    .addFingerprint().toBytes(), from);
            return;
        }
        if (!authenticate(request, raw, from)) {
            return;
        }
        List<Integer> unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            sendError(request, from, ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute", true);
            return;
        }
        Allocation allocation = allocationOf(from);
        if (request.method().equals(StunMethod.ALLOCATE)) {
            allocate(request, from, allocation);
        } else if (allocation == null) {
            // RFC 8656 §7.3, §9.1, §12.1: requests other than Allocate need an allocation on this 5-tuple.
            sendError(request, from, ErrorCode.ALLOCATION_MISMATCH, "Allocation Mismatch", true);
        } else if (request.method().equals(StunMethod.REFRESH)) {
            refresh(request, from, allocation);
        } else if (request.method().equals(StunMethod.CREATE_PERMISSION)) {
            createPermission(request, from, allocation);
        } else if (request.method().equals(StunMethod.CHANNEL_BIND)) {
            channelBind(request, from, allocation);
        } else {
            sendError(request, from, ErrorCode.BAD_REQUEST, "Unknown method", true);
        }
    }

    /**
     * Long-term credential check, RFC 8489 §9.2.4: no MESSAGE-INTEGRITY → 401 with REALM and NONCE;
     * missing USERNAME/REALM/NONCE → 400; stale nonce → 438 with a fresh one; unknown user or bad
     * MAC → 401. Error responses here carry no MESSAGE-INTEGRITY: there is no agreed key yet.
     */
    private boolean authenticate(StunMessage request, byte[] raw, InetSocketAddress from) {
        if (request.first(MessageIntegrity.class).isEmpty()) {
            sendChallenge(request, from, ErrorCode.UNAUTHENTICATED, "Unauthenticated");
            return false;
        }
        String user = request.first(Username.class).map(Username::name).orElse(null);
        String theirRealm = request.first(Realm.class).map(Realm::realm).orElse(null);
        String theirNonce = request.first(Nonce.class).map(Nonce::nonce).orElse(null);
        if (user == null || theirRealm == null || theirNonce == null) {
            authFailures++;
            sendError(request, from, ErrorCode.BAD_REQUEST, "Bad Request", false);
            return false;
        }
        if (!theirNonce.equals(nonce)) {
            staleNonces++;
            sendChallenge(request, from, ErrorCode.STALE_NONCE, "Stale Nonce");
            return false;
        }
        if (!user.equals(username) || !theirRealm.equals(realm) || !StunIntegrity.checkIntegrity(raw, key)) {
            authFailures++;
            sendChallenge(request, from, ErrorCode.UNAUTHENTICATED, "Unauthenticated");
            return false;
        }
        return true;
    }

    /** RFC 8656 §7.2. A retransmitted Allocate (same transaction id) gets the same success again. */
    private void allocate(StunMessage request, InetSocketAddress from, Allocation existing) {
        if (existing != null) {
            if (existing.transactionId.equals(request.transactionId())) {
                existing.sendAllocateSuccess(request);
            } else {
                sendError(request, from, ErrorCode.ALLOCATION_MISMATCH, "Allocation Mismatch", true);
            }
            return;
        }
        RequestedTransport transport = request.first(RequestedTransport.class).orElse(null);
        if (transport == null) {
            sendError(request, from, ErrorCode.BAD_REQUEST, "REQUESTED-TRANSPORT missing", true);
            return;
        }
        if (transport.protocol() != RequestedTransport.UDP) {
            sendError(request, from, ErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL, "Unsupported Transport Protocol", true);
            return;
        }
        Allocation allocation = new Allocation(from, request.transactionId());
        try {
            // The relayed address is on the server's own interface, on a fresh port (§7.2).
            allocation.relay = net.openUdp(new InetSocketAddress(address().getAddress(), 0),
                    (data, peer) -> allocation.onPeerDatagram(data, peer), executor);
        } catch (IOException e) {
            sendError(request, from, ErrorCode.INSUFFICIENT_CAPACITY, "Insufficient Capacity", true);
            return;
        }
        // §7.2: min(requested, maximum), but never below the default.
        Duration asked = requestedLifetime(request, DEFAULT_LIFETIME);
        Duration lifetime = asked.compareTo(DEFAULT_LIFETIME) < 0 ? DEFAULT_LIFETIME : asked;
        allocation.expiry = net.nanoTime() + lifetime.toNanos();
        allocations.put(from, allocation);
        allocationsMade++;
        allocation.sendAllocateSuccess(request);
    }

    /** RFC 8656 §7.3: LIFETIME 0 deletes the allocation, anything else restarts its timer. */
    private void refresh(StunMessage request, InetSocketAddress from, Allocation allocation) {
        Duration lifetime = requestedLifetime(request, DEFAULT_LIFETIME);
        if (lifetime.isZero()) {
            allocation.close();
            allocations.remove(from);
        } else {
            allocation.expiry = net.nanoTime() + lifetime.toNanos();
        }
        socket.send(response(request, StunClass.SUCCESS_RESPONSE).add(new Lifetime(lifetime.toSeconds()))
                .addMessageIntegrity(key).addFingerprint().toBytes(), from);
    }

    /** RFC 8656 §9.2: one permission per XOR-PEER-ADDRESS (by IP only), each for 300 s. */
    private void createPermission(StunMessage request, InetSocketAddress from, Allocation allocation) {
        List<XorPeerAddress> peers = request.all(XorPeerAddress.class);
        if (peers.isEmpty()) {
            sendError(request, from, ErrorCode.BAD_REQUEST, "XOR-PEER-ADDRESS missing", true);
            return;
        }
        for (XorPeerAddress peer : peers) {
            allocation.permit(peer.address().getAddress());
        }
        sendSuccess(request, from);
    }

    /**
     * RFC 8656 §12.2: the number must be in 0x4000–0x4FFF, and neither the number nor the peer may
     * be bound to something else already; a rebind of the same pair refreshes it. Installs or
     * refreshes the permission for the peer's IP as well.
     */
    private void channelBind(StunMessage request, InetSocketAddress from, Allocation allocation) {
        ChannelNumber number = request.first(ChannelNumber.class).orElse(null);
        XorPeerAddress peer = request.first(XorPeerAddress.class).orElse(null);
        if (number == null || peer == null
                || number.number() < ChannelData.MIN_CHANNEL || number.number() > ChannelData.MAX_CHANNEL) {
            sendError(request, from, ErrorCode.BAD_REQUEST, "Bad channel or peer", true);
            return;
        }
        long now = net.nanoTime();
        allocation.expireChannels(now);
        InetSocketAddress boundPeer = allocation.peerByChannel.get(number.number());
        Integer boundNumber = allocation.channelByPeer.get(peer.address());
        if (boundPeer != null && !boundPeer.equals(peer.address())
                || boundNumber != null && boundNumber != number.number()) {
            sendError(request, from, ErrorCode.BAD_REQUEST, "Channel or peer bound elsewhere", true);
            return;
        }
        allocation.peerByChannel.put(number.number(), peer.address());
        allocation.channelByPeer.put(peer.address(), number.number());
        allocation.channelExpiry.put(number.number(), now + CHANNEL_LIFETIME.toNanos());
        allocation.permit(peer.address().getAddress());
        sendSuccess(request, from);
    }

    /** RFC 8656 §11.2: relay DATA to XOR-PEER-ADDRESS if permitted; indications are never answered. */
    private void onSendIndication(StunMessage indication, InetSocketAddress from) {
        Allocation allocation = allocationOf(from);
        XorPeerAddress peer = indication.first(XorPeerAddress.class).orElse(null);
        Data data = indication.first(Data.class).orElse(null);
        if (allocation != null && peer != null && data != null) {
            allocation.relayToPeer(peer.address(), data.data());
        }
    }

    /** RFC 8656 §12.6: ChannelData on a bound channel goes to that channel's peer. */
    private void onChannelData(byte[] raw, InetSocketAddress from) {
        Allocation allocation = allocationOf(from);
        if (allocation == null) {
            return;
        }
        ChannelData message;
        try {
            message = ChannelData.parse(raw);
        } catch (StunParseException e) {
            return;
        }
        allocation.expireChannels(net.nanoTime());
        InetSocketAddress peer = allocation.peerByChannel.get(message.channelNumber());
        if (peer != null) {
            allocation.relayToPeer(peer, message.data());
        }
    }

    // ---- helpers ----

    private Allocation allocationOf(InetSocketAddress client) {
        Allocation allocation = allocations.get(client);
        if (allocation != null && allocation.expiredAt(net.nanoTime())) {
            allocation.close();
            allocations.remove(client);
            return null;
        }
        return allocation;
    }

    private static Duration requestedLifetime(StunMessage request, Duration absent) {
        Duration asked = request.first(Lifetime.class).map(l -> Duration.ofSeconds(l.seconds())).orElse(absent);
        return asked.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : asked;
    }

    private static StunMessageBuilder response(StunMessage request, StunClass kind) {
        return StunMessage.builder(kind, request.method(), request.transactionId());
    }

    private void sendSuccess(StunMessage request, InetSocketAddress to) {
        socket.send(response(request, StunClass.SUCCESS_RESPONSE).addMessageIntegrity(key).addFingerprint()
                .toBytes(), to);
    }

    /** An error; after successful authentication it carries MESSAGE-INTEGRITY (RFC 8489 §9.2.4). */
    private void sendError(StunMessage request, InetSocketAddress to, int code, String reason, boolean authenticated) {
        StunMessageBuilder builder = response(request, StunClass.ERROR_RESPONSE)
                .add(new ErrorCode(code, reason));
        if (code == ErrorCode.UNKNOWN_ATTRIBUTE) {
            builder.add(new UnknownAttributes(request.unknownComprehensionRequired()));
        }
        if (authenticated) {
            builder.addMessageIntegrity(key);
        }
        socket.send(builder.addFingerprint().toBytes(), to);
    }

    /** 401/438 carry REALM and NONCE so the client can (re)compute its key (RFC 8489 §9.2.4). */
    private void sendChallenge(StunMessage request, InetSocketAddress to, int code, String reason) {
        socket.send(response(request, StunClass.ERROR_RESPONSE).add(new ErrorCode(code, reason))
                .add(new Realm(realm)).add(new Nonce(nonce)).addFingerprint().toBytes(), to);
    }

    @Override
    public void close() {
        for (Allocation allocation : new ArrayList<>(allocations.values())) {
            allocation.close();
        }
        allocations.clear();
        socket.close();
        executor.close();
    }

    /** One allocation: its relay socket, lifetime, permissions (by IP) and channels. */
    private final class Allocation {
        final InetSocketAddress client;
        final TransactionId transactionId;
        UdpSocket relay;
        long expiry;
        final Map<InetAddress, Long> permissions = new HashMap<>();
        final Map<Integer, InetSocketAddress> peerByChannel = new HashMap<>();
        final Map<InetSocketAddress, Integer> channelByPeer = new HashMap<>();
        final Map<Integer, Long> channelExpiry = new HashMap<>();

        Allocation(InetSocketAddress client, TransactionId transactionId) {
            this.client = client;
            this.transactionId = transactionId;
        }

        boolean expiredAt(long now) {
            return now - expiry >= 0;
        }

        void sendAllocateSuccess(StunMessage request) {
            long remaining = Math.max(0, (expiry - net.nanoTime()) / 1_000_000_000L);
            socket.send(response(request, StunClass.SUCCESS_RESPONSE)
                    .add(new XorRelayedAddress(relay.localAddress()))
                    .add(new XorMappedAddress(client))
                    .add(new Lifetime(remaining))
                    .addMessageIntegrity(key).addFingerprint().toBytes(), client);
        }

        void permit(InetAddress peer) {
            permissions.put(peer, net.nanoTime() + PERMISSION_LIFETIME.toNanos());
        }

        boolean permitted(InetAddress peer) {
            Long until = permissions.get(peer);
            return until != null && net.nanoTime() - until < 0;
        }

        void expireChannels(long now) {
            channelExpiry.entrySet().removeIf(e -> {
                if (now - e.getValue() < 0) {
                    return false;
                }
                channelByPeer.remove(peerByChannel.remove(e.getKey()));
                return true;
            });
        }

        void relayToPeer(InetSocketAddress peer, byte[] data) {
            if (!permitted(peer.getAddress())) {
                droppedUnpermitted++; // §11.2: silently discarded
                return;
            }
            if (relay.send(data, peer)) {
                relayedToPeers++;
            }
        }

        /** RFC 8656 §11.3 / §12.7: peer data to the client, by channel if one is bound, else Data indication. */
        void onPeerDatagram(byte[] data, InetSocketAddress peer) {
            if (allocationOf(client) != this) {
                return;
            }
            if (!permitted(peer.getAddress())) {
                droppedUnpermitted++;
                return;
            }
            expireChannels(net.nanoTime());
            Integer channel = channelByPeer.get(peer);
            byte[] out;
            if (channel != null) {
                out = new ChannelData(channel, data).toBytes(false); // §12.5: no padding needed over UDP
            } else {
                List<StunAttribute> attributes = List.of(new XorPeerAddress(peer), new Data(data));
                out = new StunMessage(StunClass.INDICATION, StunMethod.DATA,
                        TransactionId.random(random), attributes).toBytes();
            }
            if (socket.send(out, client)) {
                relayedToClients++;
            }
        }

        void close() {
            if (relay != null) {
                relay.close();
            }
        }
    }
}
