package dev.parley.app.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.client.ActiveCall;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.client.SignalingException;
import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real WebSocket connections on 127.0.0.1: clients and the embedded server, call by call. */
class SignalingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SignalingClientRuntime runtime;
    private SignalingServer server;
    private final List<SignalingClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
        server = SignalingServer.start(SignalingServerConfig.builder()
                .ringTimeout(Duration.ofMillis(400))
                .iceServer(new IceServer(List.of("stun:127.0.0.1:3478"), null, null))
                .build());
    }

    @AfterEach
    void stop() {
        clients.forEach(SignalingClient::close);
        if (server != null) {
            server.close();
        }
        runtime.close();
    }

    private SignalingClient join(String name, Recorder recorder) throws Exception {
        SignalingClient client = new SignalingClient(SignalingClientConfig.of(server.webSocketUri(), name, null),
                runtime, recorder);
        clients.add(client);
        var registered = client.connect().get(10, TimeUnit.SECONDS);
        assertEquals(name, registered.name());
        assertEquals(List.of(new IceServer(List.of("stun:127.0.0.1:3478"), null, null)), registered.iceServers());
        return client;
    }

    @Test
    void registeredClientsSeeEachOther() throws Exception {
        Recorder adaEvents = new Recorder();
        Recorder bobEvents = new Recorder();
        join("Ada", adaEvents);
        adaEvents.await("presence ");
        SignalingClient bob = join("Bob", bobEvents);
        bobEvents.await("presence Ada");
        adaEvents.await("online Bob");
        bob.close();
        adaEvents.await("offline Bob");
    }

    @Test
    void inviteRingAcceptRelayHangup() throws Exception {
        Recorder adaEvents = new Recorder();
        Recorder bobEvents = new Recorder();
        Recorder eveEvents = new Recorder();
        SignalingClient ada = join("Ada", adaEvents);
        SignalingClient bob = join("Bob", bobEvents);
        join("Eve", eveEvents);

        String callId = ada.invite("Bob").get(10, TimeUnit.SECONDS);
        bobEvents.await("incoming " + callId + " Ada");
        bob.ringing(callId).get(10, TimeUnit.SECONDS);
        adaEvents.await("ringing " + callId);
        bob.accept(callId).get(10, TimeUnit.SECONDS);
        adaEvents.await("accepted " + callId);
        bobEvents.await("accepted " + callId);
        assertEquals(ActiveCall.Phase.ACCEPTED, ada.currentCall().phase());
        assertEquals(ActiveCall.Role.CALLEE, bob.currentCall().role());

        ada.sendDescription(callId, "offer", "v=0 offer").get(10, TimeUnit.SECONDS);
        bobEvents.await("description " + callId + " offer v=0 offer");
        bob.sendDescription(callId, "answer", "v=0 answer").get(10, TimeUnit.SECONDS);
        adaEvents.await("description " + callId + " answer v=0 answer");
        bob.sendCandidate(callId, "candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null).get(10, TimeUnit.SECONDS);
        adaEvents.await("candidate " + callId + " candidate:1 1 udp 1 127.0.0.1 9 typ host");

        ada.hangup(callId).get(10, TimeUnit.SECONDS);
        bobEvents.await("ended " + callId + " HUNG_UP");
        assertNull(ada.currentCall());
        assertNull(bob.currentCall());
        assertFalse(adaEvents.saw(e -> e.startsWith("description") && e.contains("offer")), "own offer not echoed");
        assertFalse(eveEvents.saw(e -> e.contains(callId)), "a third party hears nothing of the call");
    }

    @Test
    void declineCancelBusyAndMissed() throws Exception {
        Recorder adaEvents = new Recorder();
        Recorder bobEvents = new Recorder();
        Recorder eveEvents = new Recorder();
        SignalingClient ada = join("Ada", adaEvents);
        SignalingClient bob = join("Bob", bobEvents);
        SignalingClient eve = join("Eve", eveEvents);

        String declined = ada.invite("Bob").get(10, TimeUnit.SECONDS);
        bobEvents.await("incoming " + declined + " Ada");
        bob.decline(declined, "in a meeting").get(10, TimeUnit.SECONDS);
        adaEvents.await("ended " + declined + " DECLINED in a meeting");

        String cancelled = ada.invite("Bob").get(10, TimeUnit.SECONDS);
        bobEvents.await("incoming " + cancelled + " Ada");
        ada.cancel(cancelled).get(10, TimeUnit.SECONDS);
        bobEvents.await("ended " + cancelled + " CANCELLED");

        String accepted = ada.invite("Bob").get(10, TimeUnit.SECONDS);
        bobEvents.await("incoming " + accepted + " Ada");
        bob.accept(accepted).get(10, TimeUnit.SECONDS);
        String busy = eve.invite("Bob").get(10, TimeUnit.SECONDS);
        eveEvents.await("ended " + busy + " BUSY");
        ada.hangup(accepted).get(10, TimeUnit.SECONDS);
        bobEvents.await("ended " + accepted + " HUNG_UP");

        String missed = eve.invite("Ada").get(10, TimeUnit.SECONDS);   // the server rings for 400 ms here
        adaEvents.await("ended " + missed + " MISSED");
        eveEvents.await("ended " + missed + " MISSED");
        assertNull(eve.currentCall());
        assertEquals(0, server.callCount());
    }

    @Test
    void refusedRequestsFailTheirFuturesWithTheServersCode() throws Exception {
        Recorder adaEvents = new Recorder();
        SignalingClient ada = join("Ada", adaEvents);
        ada.sendDescription("no-such-call-id", "offer", "v=0").get(10, TimeUnit.SECONDS);
        adaEvents.await("error unknown-call");   // relays carry no id: their refusal is an event
        ExecutionException e = assertThrows(ExecutionException.class, () -> ada.invite("Nobody").get(10, TimeUnit.SECONDS));
        assertEquals(ErrorCode.UNKNOWN_USER, assertInstanceOf(SignalingException.class, e.getCause()).code());
        assertNull(ada.currentCall());
        SignalingClient twin = new SignalingClient(SignalingClientConfig.of(server.webSocketUri(), "Ada", null), runtime,
                new Recorder());
        clients.add(twin);
        ExecutionException taken = assertThrows(ExecutionException.class, () -> twin.connect().get(10, TimeUnit.SECONDS));
        assertEquals(ErrorCode.NAME_TAKEN, assertInstanceOf(SignalingException.class, taken.getCause()).code());
        assertEquals(SignalingClient.State.CLOSED, twin.state());
    }

    @Test
    void anAccessTokenIsRequiredWhenTheServerHasOne() throws Exception {
        try (SignalingServer locked = SignalingServer.start(SignalingServerConfig.builder().token("open sesame").build())) {
            SignalingClient wrong = new SignalingClient(SignalingClientConfig.of(locked.webSocketUri(), "Ada", "guess"),
                    runtime, new Recorder());
            clients.add(wrong);
            ExecutionException e = assertThrows(ExecutionException.class, () -> wrong.connect().get(10, TimeUnit.SECONDS));
            assertEquals(ErrorCode.BAD_TOKEN, assertInstanceOf(SignalingException.class, e.getCause()).code());
            assertEquals(SignalingClient.State.CLOSED, wrong.state(), "a wrong token is not retried");
            SignalingClient right = new SignalingClient(SignalingClientConfig.of(locked.webSocketUri(), "Ada", "open sesame"),
                    runtime, new Recorder());
            clients.add(right);
            assertEquals("Ada", right.connect().get(10, TimeUnit.SECONDS).name());
        }
    }

    @Test
    void theServerCanBindIpv6Loopback() throws Exception {
        try (SignalingServer v6 = SignalingServer.start(SignalingServerConfig.builder().host("::1").build())) {
            assertEquals("[::1]", v6.webSocketUri().getHost());
            SignalingClient ada = new SignalingClient(SignalingClientConfig.of(v6.webSocketUri(), "Ada", null), runtime,
                    new Recorder());
            clients.add(ada);
            assertEquals("Ada", ada.connect().get(10, TimeUnit.SECONDS).name());
        }
    }

    @Test
    void aServerRestartDuringACallIsSurvivedByBothClients() throws Exception {
        Recorder adaEvents = new Recorder();
        Recorder bobEvents = new Recorder();
        SignalingClient ada = join("Ada", adaEvents);
        SignalingClient bob = join("Bob", bobEvents);
        String callId = ada.invite("Bob").get(10, TimeUnit.SECONDS);
        bobEvents.await("incoming " + callId + " Ada");
        bob.accept(callId).get(10, TimeUnit.SECONDS);
        adaEvents.await("accepted " + callId);
        // Bob's accepted event may still be on its way: the ack alone makes his call resumable.
        assertEquals(ActiveCall.Phase.ACCEPTED, bob.currentCall().phase());

        int port = server.port();
        server.close();
        adaEvents.await("state RECONNECTING");
        bobEvents.await("state RECONNECTING");
        server = SignalingServer.start(SignalingServerConfig.builder().port(port).build());

        try {
            adaEvents.await("resumed " + callId + " Bob", Duration.ofSeconds(20));
            bobEvents.await("resumed " + callId + " Ada", Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; Bob got " + bobEvents.events(), e);
        }
        assertEquals(2, adaEvents.events().stream().filter("registered Ada"::equals).count());
        assertEquals(SignalingClient.State.REGISTERED, ada.state());
        assertEquals(callId, ada.currentCall().callId());
        assertFalse(adaEvents.saw(e -> e.startsWith("ended")), "the call did not end");

        ada.sendDescription(callId, "offer", "v=0 renegotiate").get(10, TimeUnit.SECONDS);
        bobEvents.await("description " + callId + " offer v=0 renegotiate");
        bob.hangup(callId).get(10, TimeUnit.SECONDS);
        adaEvents.await("ended " + callId + " HUNG_UP");
    }

    @Test
    void thePageIsServedOnTheSamePort() throws Exception {
        // HTTP/1.1 as browsers speak it here: the JDK's default h2c upgrade attempt confuses Grizzly's HTTP/1.1 codec.
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var page = http.send(java.net.http.HttpRequest.newBuilder(server.pageUri()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"parley.js\">"), "the calling page");
        var script = http.send(java.net.http.HttpRequest.newBuilder(server.pageUri().resolve("/parley.js")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("content-type").orElse("").contains("javascript"),
                script.headers().toString());
        assertTrue(script.body().contains("new RTCPeerConnection") && script.body().contains("'/signal'"));
        var missing = http.send(java.net.http.HttpRequest.newBuilder(server.pageUri().resolve("/nothing-here")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }
}
