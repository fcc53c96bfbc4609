package dev.parley.rtc.stun;

import dev.parley.rtc.net.DatagramHandler;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.net.VirtualHost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A scripted TURN server on the virtual network, for unit tests of the client's logic: it
 * challenges with 401, checks credentials and nonce, answers with MESSAGE-INTEGRITY and
 * FINGERPRINT, and records every request and indication with its virtual arrival time. It
 * implements only what the client tests need — not a TURN server.
 */
final class FakeTurnServer implements DatagramHandler {
    static final String REALM = "fake.test";
    static final String USERNAME = "alice";
    static final String PASSWORD = "wonderland";
    static final int PORT = 3478;

    /** A message the server got, at which virtual millisecond. */
    record Received(StunMessage message, byte[] raw, long atMillis) {
        StunMethod method() {
            return message.method();
        }
    }

    private final SerialExecutor executor;
    private final UdpSocket socket;
    private final InetSocketAddress relayed;
    private final Random random = new Random(7);
    final List<Received> received = new ArrayList<>();
    final List<byte[]> channelData = new ArrayList<>();
    private final byte[] key = StunCredentials.longTermKey(USERNAME, REALM, PASSWORD);
    private String nonce = "nonce-1";
    private InetSocketAddress client;

    /** Scripted behaviour, set by the test before the client acts. */
    boolean silent;
    long grantedLifetimeSeconds = 600;
    /** Error code and reason to answer the next authenticated request of {@link #failMethod} with, or 0. */
    int failCode;
    String failReason = "";
    StunMethod failMethod = StunMethod.ALLOCATE;
    /** Answer the next authenticated request with 438 and a fresh nonce first. */
    boolean staleNonceOnce;
    /** Before the real answer, send one that carries the right transaction id but a MAC under another key. */
    boolean forgeOnce;
    /** Like {@link #forgeOnce}, but the forged success carries no MESSAGE-INTEGRITY at all. */
    boolean forgeUnsignedOnce;

    FakeTurnServer(VirtualHost host, SerialExecutor executor) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(host.address(), PORT);
        this.executor = executor;
        this.socket = host.openUdp(bind, this, executor);
        this.relayed = new InetSocketAddress(host.address(), 50_000);
    }

    InetSocketAddress address() {
        return socket.localAddress();
    }

    InetSocketAddress relayedAddress() {
        return relayed;
    }

    /** Requests of one method, in arrival order. */
    List<Received> requests(StunMethod method) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.message().messageClass() == StunClass.REQUEST && r.method().equals(method)) {
                out.add(r);
            }
        }
        return out;
    }

    List<Received> indications() {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.message().messageClass() == StunClass.INDICATION) {
                out.add(r);
            }
        }
        return out;
    }

    /** Sends raw bytes to the client as if they came from the server. */
    void sendToClient(byte[] bytes) {
        socket.send(bytes, client);
    }

    /** A Data indication from {@code peer} (RFC 8656 §11.4). */
    void sendDataIndication(InetSocketAddress peer, byte[] data) {
        sendToClient(StunMessage.builder(StunClass.INDICATION, StunMethod.DATA, TransactionId.random(random))
                .add(new XorPeerAddress(peer)).add(new Data(data)).addFingerprint().toBytes());
    }

    @Override
    public void onDatagram(byte[] data, InetSocketAddress from) {
        client = from;
        long now = executor.nanoTime() / 1_000_000;
        if (ChannelData.looksLikeChannelData(data, 0, data.length)) {
            channelData.add(data);
            return;
        }
        StunMessage request;
        try {
            request = StunMessage.parse(data);
        } catch (StunParseException e) {
            throw new AssertionError("the client sent a malformed message", e);
        }
        received.add(new Received(request, data, now));
        if (silent || request.messageClass() != StunClass.REQUEST) {
            return;
        }
        if (request.first(MessageIntegrity.class).isEmpty()) {
            answerError(request, ErrorCode.UNAUTHENTICATED, "Unauthorized", false);
            return;
        }
        if (!StunIntegrity.checkIntegrity(data, key)
                || !request.first(Username.class).map(Username::name).orElse("").equals(USERNAME)) {
            answerError(request, ErrorCode.UNAUTHENTICATED, "Unauthorized", false);
            return;
        }
        if (staleNonceOnce || !request.first(Nonce.class).map(Nonce::nonce).orElse("").equals(nonce)) {
            staleNonceOnce = false;
            nonce = nonce + "+";
            answerError(request, ErrorCode.STALE_NONCE, "Stale Nonce", false);
            return;
        }
        if (failCode != 0 && request.method().equals(failMethod)) {
            int code = failCode;
            failCode = 0;
            answerError(request, code, failReason, true);
            return;
        }
        StunMessageBuilder response = StunMessage.builder(StunClass.SUCCESS_RESPONSE, request.method(),
                request.transactionId());
        if (request.method().equals(StunMethod.ALLOCATE)) {
            response.add(new XorRelayedAddress(relayed)).add(new Lifetime(grantedLifetimeSeconds))
                    .add(new XorMappedAddress(from));
        } else if (request.method().equals(StunMethod.REFRESH)) {
            long asked = request.first(Lifetime.class).map(Lifetime::seconds).orElse(grantedLifetimeSeconds);
            response.add(new Lifetime(asked == 0 ? 0 : grantedLifetimeSeconds));
        }
        if (forgeOnce || forgeUnsignedOnce) {
            boolean unsigned = forgeUnsignedOnce;
            forgeOnce = false;
            forgeUnsignedOnce = false;
            StunMessageBuilder forged = StunMessage.builder(StunClass.SUCCESS_RESPONSE, request.method(),
                    request.transactionId());
            if (request.method().equals(StunMethod.ALLOCATE)) {
                forged.add(new XorRelayedAddress(new InetSocketAddress(from.getAddress(), 6666)))
                        .add(new Lifetime(grantedLifetimeSeconds));
            }
            if (!unsigned) {
                forged.addMessageIntegrity("not the key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            socket.send(forged.addFingerprint().toBytes(), from);
        }
        socket.send(response.addMessageIntegrity(key).addFingerprint().toBytes(), from);
    }

    private void answerError(StunMessage request, int code, String reason, boolean signed) {
        StunMessageBuilder b = StunMessage.builder(StunClass.ERROR_RESPONSE, request.method(), request.transactionId())
                .add(new ErrorCode(code, reason));
        if (code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.STALE_NONCE) {
            b.add(new Realm(REALM)).add(new Nonce(nonce));
        }
        if (signed) {
            b.addMessageIntegrity(key);
        }
        socket.send(b.addFingerprint().toBytes(), client);
    }
}
