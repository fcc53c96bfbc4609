package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.ice.IceSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two real peer connections on 127.0.0.1 connect; each computes the security code from its own
 * certificate and the certificate its DTLS handshake received. Both show the same words.
 */
class SecurityCodeLoopbackTest {
    private static final long SECONDS = 20;

    /** Completes its futures on the peer connection's events. */
    private static final class Events implements RTCPeerConnectionListener {
        final CompletableFuture<Void> gathered = new CompletableFuture<>();
        final CompletableFuture<Void> connected = new CompletableFuture<>();

        @Override
        public void onIceGatheringStateChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onConnectionStateChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (state == RTCPeerConnectionState.FAILED) {
                connected.completeExceptionally(new AssertionError("the connection failed"));
            }
        }
    }

    @Test
    void bothEnds_computeTheSameCode_fromTheirOwnCertificateAndTheOnesTheyReceived() throws Exception {
        EngineSettings loopback = EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build();
        try (RTCPeerConnection caller = new RTCPeerConnection(RTCConfiguration.defaults(), loopback);
                RTCPeerConnection callee = new RTCPeerConnection(RTCConfiguration.defaults(), loopback)) {
            Events callerEvents = new Events();
            Events calleeEvents = new Events();
            caller.addListener(callerEvents);
            callee.addListener(calleeEvents);
            caller.createDataChannel("chat");
            assertTrue(SecurityCode.of(caller).isEmpty(), "no code before the handshake");

            // Offer and answer with all candidates in them (no trickle).
            caller.setLocalDescription().get(SECONDS, TimeUnit.SECONDS);
            callerEvents.gathered.get(SECONDS, TimeUnit.SECONDS);
            callee.setRemoteDescription(caller.localDescription()).get(SECONDS, TimeUnit.SECONDS);
            callee.setLocalDescription().get(SECONDS, TimeUnit.SECONDS);
            calleeEvents.gathered.get(SECONDS, TimeUnit.SECONDS);
            caller.setRemoteDescription(callee.localDescription()).get(SECONDS, TimeUnit.SECONDS);
            callerEvents.connected.get(SECONDS, TimeUnit.SECONDS);
            calleeEvents.connected.get(SECONDS, TimeUnit.SECONDS);

            SecurityCode callerCode = SecurityCode.of(caller).orElseThrow();
            SecurityCode calleeCode = SecurityCode.of(callee).orElseThrow();
            assertEquals(callerCode, calleeCode);
            assertEquals(4, callerCode.words().size());

            // The same as from the two fingerprints as signalled, and not a code that ignores one side.
            String callerFingerprint = caller.getConfiguration().certificates().get(0).getFingerprints().get(0).toValue();
            String calleeFingerprint = callee.getConfiguration().certificates().get(0).getFingerprints().get(0).toValue();
            assertEquals(callerCode, SecurityCode.of(callerFingerprint, calleeFingerprint));
            assertNotEquals(callerCode, SecurityCode.of(callerFingerprint, callerFingerprint));
        }
    }
}
