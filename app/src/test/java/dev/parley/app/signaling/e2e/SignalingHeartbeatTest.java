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
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A connection that silently stops carrying bytes (no close, no error) is noticed by the
 * heartbeat: the client's unanswered ping drops it, it reconnects when the path works again and
 * registers by itself; the server, for its part, drops a client silent for three heartbeats so the
 * name is free again.
 */
class SignalingHeartbeatTest {

    @Test
    void aSilentlyDeadPathIsNoticedAndTheClientComesBack() throws Exception {
        try (SignalingServer server = SignalingServer.start(SignalingServerConfig.builder()
                     .heartbeat(Duration.ofSeconds(1)).build());
             FreezableProxy path = new FreezableProxy(server.port());
             SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2)) {
            URI viaProxy = URI.create("ws://127.0.0.1:" + path.port() + SignalingServer.PATH);
            Recorder events = new Recorder();
            SignalingClient ada = new SignalingClient(new SignalingClientConfig(viaProxy, "Ada", null,
                    Duration.ofSeconds(5), Duration.ofMillis(800), Duration.ofMillis(100), Duration.ofMillis(400)),
                    runtime, events);
            ada.connect().get(10, TimeUnit.SECONDS);

            path.freeze(true);
            events.await("state RECONNECTING", Duration.ofSeconds(10));
            path.freeze(false);
            // The server still holds the silent connection under "Ada" until its idle limit
            // (3 heartbeats) passes; until then re-registering meets name-taken and retries.
            events.await(e -> e.equals("registered Ada") && events.events().stream()
                    .filter("registered Ada"::equals).count() >= 2, "registered again", Duration.ofSeconds(20));
            assertEquals(SignalingClient.State.REGISTERED, ada.state());
            assertEquals(1, server.clientCount(), "the dead connection was dropped by the server");
            ada.close();
        }
    }

    @Test
    void aRegisteredClientThatFallsSilentIsClosedAfterThreeHeartbeatsAndItsNameFreed() throws Exception {
        try (SignalingServer server = SignalingServer.start(SignalingServerConfig.builder()
                     .heartbeat(Duration.ofSeconds(1)).build());
             RawSocket silent = new RawSocket(server.webSocketUri());
             RawSocket talkative = new RawSocket(server.webSocketUri())) {
            silent.send("{\"v\":1,\"type\":\"register\",\"id\":1,\"name\":\"Quiet\"}");
            silent.awaitContaining("\"registered\"", Duration.ofSeconds(5));
            long silentSince = System.nanoTime();
            // The server keeps talking to both (pongs, presence), which must not count as the client's life.
            talkative.send("{\"v\":1,\"type\":\"register\",\"id\":1,\"name\":\"Chatty\"}");
            talkative.awaitContaining("\"registered\"", Duration.ofSeconds(5));
            int pings = 0;
            Integer closeCode = null;
            while (closeCode == null && System.nanoTime() - silentSince < TimeUnit.SECONDS.toNanos(10)) {
                talkative.send("{\"v\":1,\"type\":\"ping\",\"id\":" + (2 + pings++) + "}");
                talkative.awaitContaining("\"pong\"", Duration.ofSeconds(5));
                try {
                    closeCode = silent.closed.get(200, TimeUnit.MILLISECONDS);   // the next ping after 200 ms
                } catch (TimeoutException stillOpen) {
                    // ping again
                }
            }
            assertEquals(1001, closeCode, "closed as going away within 10 s");
            long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentSince);
            // measured from the registration's answer, a little after the server last heard it
            assertTrue(silentMillis >= 2900, "closed after " + silentMillis + " ms, before three heartbeats");
            assertFalse(talkative.closed.isDone(), "a client that pings stays");
            try (RawSocket again = new RawSocket(server.webSocketUri())) {
                again.send("{\"v\":1,\"type\":\"register\",\"id\":1,\"name\":\"Quiet\"}");
                again.awaitContaining("\"registered\"", Duration.ofSeconds(5));
            }
        }
    }
}
