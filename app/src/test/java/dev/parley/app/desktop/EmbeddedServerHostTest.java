package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.client.SignalingListener;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app hosts its server on the port asked for, or on another when that one is taken, and its client reaches it. */
class EmbeddedServerHostTest {

    @Test
    void aTakenPortMovesTheServerToAFreeOne_andTheAppsClientRegistersThere() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             EmbeddedServerHost host = EmbeddedServerHost.start("127.0.0.1", taken.getLocalPort());
             SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 1)) {
            assertNotEquals(taken.getLocalPort(), host.port());
            assertEquals(URI.create("ws://127.0.0.1:" + host.port() + "/signal"), host.localUri());
            assertEquals(List.of(host.localUri()), host.reachableAt());
            try (SignalingClient client = new SignalingClient(SignalingClientConfig.of(host.localUri(), "Ada", null),
                    runtime, new SignalingListener() {})) {
                client.connect().get(10, TimeUnit.SECONDS);
                assertEquals(1, host.server().clientCount());
            }
        }
    }

    @Test
    void aFreePortIsUsedAsAsked() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        try (EmbeddedServerHost host = EmbeddedServerHost.start("127.0.0.1", free)) {
            assertEquals(free, host.port());
        }
    }
}
