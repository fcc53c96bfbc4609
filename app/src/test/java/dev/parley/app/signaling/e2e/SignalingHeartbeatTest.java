package dev.parley.app.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connection that silently stops carrying bytes (no close, no error) is noticed by the
 * heartbeat: the client's unanswered ping drops it, it reconnects when the path works again and
 * registers by itself; the server, for its part, drops the silent connection after three
 * heartbeats so the name is free again.
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
                    .filter("registered Ada"::equals).count() == 2, "registered again", Duration.ofSeconds(20));
            assertEquals(SignalingClient.State.REGISTERED, ada.state());
            assertEquals(1, server.clientCount(), "the dead connection was dropped by the server");
            ada.close();
        }
    }
}
