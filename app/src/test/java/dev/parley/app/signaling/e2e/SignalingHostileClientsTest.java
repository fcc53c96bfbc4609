package dev.parley.app.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send malformed JSON, oversized or too many messages, or messages for someone
 * else's call: each gets an error, keeps its connection, and nobody else notices.
 */
class SignalingHostileClientsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SignalingClientRuntime runtime;
    private SignalingServer server;
    private SignalingClient ada;
    private SignalingClient bob;
    private final Recorder adaEvents = new Recorder();
    private final Recorder bobEvents = new Recorder();
    private String callId;

    @BeforeEach
    void callInProgress() throws Exception {
        runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
        server = SignalingServer.start(SignalingServerConfig.builder().maxMessageBytes(4096).rateLimit(20, 40)
                .maxClients(4).build());
        ada = new SignalingClient(SignalingClientConfig.of(server.webSocketUri(), "Ada", null), runtime, adaEvents);
        bob = new SignalingClient(SignalingClientConfig.of(server.webSocketUri(), "Bob", null), runtime, bobEvents);
        ada.connect().get(10, TimeUnit.SECONDS);
        bob.connect().get(10, TimeUnit.SECONDS);
        callId = ada.invite("Bob").get(10, TimeUnit.SECONDS);
        bobEvents.await("incoming " + callId + " Ada");
        bob.accept(callId).get(10, TimeUnit.SECONDS);
        adaEvents.await("accepted " + callId);
    }

    @AfterEach
    void stop() {
        ada.close();
        bob.close();
        server.close();
        runtime.close();
    }

    /** The call between Ada and Bob still relays, both ways. */
    private void callStillWorks(String marker) throws Exception {
        ada.sendDescription(callId, "offer", "v=0 " + marker).get(10, TimeUnit.SECONDS);
        bobEvents.await("description " + callId + " offer v=0 " + marker);
        bob.sendDescription(callId, "answer", "v=0 " + marker).get(10, TimeUnit.SECONDS);
        adaEvents.await("description " + callId + " answer v=0 " + marker);
    }

    @Test
    void malformedOversizedAndOtherVersionsGetErrorsAndTheConnectionStays() throws Exception {
        try (RawSocket mallory = new RawSocket(server.webSocketUri())) {
            mallory.send("this is not JSON");
            assertTrue(mallory.next(WAIT).contains("\"code\":\"bad-json\""));
            mallory.send("[1,2,3]");
            assertTrue(mallory.next(WAIT).contains("\"code\":\"bad-json\""));
            mallory.send("{\"v\":1,\"type\":\"ping\",\"id\":5,\"pad\":\"" + "x".repeat(5000) + "\"}");
            assertTrue(mallory.next(WAIT).contains("\"code\":\"too-large\""));
            mallory.send("{\"v\":2,\"type\":\"ping\",\"id\":6}");
            String version = mallory.next(WAIT);
            assertTrue(version.contains("\"code\":\"unsupported-version\"") && version.contains("\"re\":6"), version);
            mallory.send("{\"v\":1,\"type\":\"self-destruct\",\"id\":7}");
            assertTrue(mallory.next(WAIT).contains("\"code\":\"unknown-type\""));
            mallory.send("{\"v\":1,\"type\":\"hangup\",\"id\":8,\"callId\":\"" + callId + "\"}");
            assertTrue(mallory.next(WAIT).contains("\"code\":\"not-registered\""));
            mallory.send("{\"v\":1,\"type\":\"ping\",\"id\":9}");
            assertEquals("{\"v\":1,\"type\":\"pong\",\"re\":9}", mallory.next(WAIT));
            assertFalse(mallory.closed.isDone(), "bad input does not cost the connection");
        }
        callStillWorks("after-garbage");
        assertTrue(server.refusedCount() >= 5);
    }

    @Test
    void someoneElsesCallIdGetsAnErrorAndReachesNobody() throws Exception {
        try (RawSocket mallory = new RawSocket(server.webSocketUri())) {
            mallory.send("{\"v\":1,\"type\":\"register\",\"id\":1,\"name\":\"Mallory\"}");
            mallory.awaitContaining("\"type\":\"registered\"", WAIT);
            for (String type : new String[] {"hangup", "accept", "cancel", "decline"}) {
                mallory.send("{\"v\":1,\"type\":\"" + type + "\",\"id\":2,\"callId\":\"" + callId + "\"}");
                String e = mallory.awaitContaining("\"type\":\"error\"", WAIT);
                assertTrue(e.contains("\"code\":\"unknown-call\""), e);
            }
            mallory.send("{\"v\":1,\"type\":\"description\",\"id\":3,\"callId\":\"" + callId
                    + "\",\"sdpType\":\"offer\",\"sdp\":\"v=0 forged\"}");
            assertTrue(mallory.awaitContaining("\"type\":\"error\"", WAIT).contains("unknown-call"));
            mallory.send("{\"v\":1,\"type\":\"resume\",\"id\":4}");
            assertTrue(mallory.awaitContaining("\"type\":\"error\"", WAIT).contains("unknown-type"));
        }
        callStillWorks("after-forgery");
        assertFalse(bobEvents.saw(e -> e.contains("forged")), "the forged offer reached nobody");
        assertFalse(adaEvents.saw(e -> e.startsWith("ended")) || bobEvents.saw(e -> e.startsWith("ended")));
    }

    @Test
    void floodingIsRateLimitedWithAnErrorAndOthersAreUnaffected() throws Exception {
        int sent = 400;
        try (RawSocket flooder = new RawSocket(server.webSocketUri())) {
            for (int i = 1; i <= sent; i++) {
                flooder.send("{\"v\":1,\"type\":\"ping\",\"id\":" + i + "}");
            }
            flooder.awaitContaining("\"code\":\"rate-limited\"", WAIT);
            callStillWorks("during-flood");
            // The flood is over: the bucket refills and the flooder is served again.
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean served = false;
            while (!served && System.nanoTime() < deadline) {
                flooder.send("{\"v\":1,\"type\":\"ping\",\"id\":100000}");
                String m = flooder.received.poll(200, TimeUnit.MILLISECONDS);
                while (m != null && !served) {
                    served = m.contains("\"re\":100000") && m.contains("pong");
                    m = served ? null : flooder.received.poll(50, TimeUnit.MILLISECONDS);
                }
            }
            assertTrue(served, "a rate-limited client is served again once it slows down");
        }
        assertTrue(server.refusedCount() >= sent - 40 - 20, "most of the flood was dropped: " + server.refusedCount());
    }

    @Test
    void clientsBeyondTheLimitAreRefusedWithServerFull() throws Exception {
        // A handshake completes before the server's hub has seen the connection, so each one is
        // answered (a pong comes only from a member) before the next opens: the fifth is the extra.
        try (RawSocket third = answeredConnection(); RawSocket fourth = answeredConnection();
             RawSocket fifth = new RawSocket(server.webSocketUri())) {
            assertTrue(fifth.next(WAIT).contains("\"code\":\"server-full\""));
            assertEquals(1013, fifth.closed.get(10, TimeUnit.SECONDS));
            third.send("{\"v\":1,\"type\":\"ping\",\"id\":2}");
            assertTrue(third.next(WAIT).contains("pong"));
            assertTrue(fourth.closed.getNow(null) == null, "the fourth client keeps its connection");
        }
        callStillWorks("after-full");
    }

    private RawSocket answeredConnection() throws Exception {
        RawSocket socket = new RawSocket(server.webSocketUri());
        socket.send("{\"v\":1,\"type\":\"ping\",\"id\":1}");
        String reply = socket.next(WAIT);
        assertTrue(reply.contains("pong"), "a member is answered: " + reply);
        return socket;
    }
}
