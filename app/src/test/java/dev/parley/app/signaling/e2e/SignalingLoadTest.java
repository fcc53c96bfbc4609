package dev.parley.app.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.client.SignalingListener;
import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 1,000 clients on one server over loopback, 200 calls set up at once: every presence update,
 * invite, ring, accept, offer, answer, candidate and hang-up arrives where it should, and
 * nothing arrives where it should not.
 */
class SignalingLoadTest {
    private static final int CLIENTS = 1000;
    private static final int CALLS = 200;
    private static final int CANDIDATES = 2;

    /** What one client saw; called on its lane only, read after the latches. */
    private static final class Seen implements SignalingListener {
        final Set<String> online = new HashSet<>();
        final CountDownLatch everyoneOnline = new CountDownLatch(1);
        final List<String> callEvents = new CopyOnWriteArrayList<>();
        final CountDownLatch callDone = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicInteger errors = new AtomicInteger();
        SignalingClient self;
        String callId;
        boolean caller;
        int candidatesIn;
        boolean descriptionIn;

        @Override
        public void onPresence(List<String> names) {
            online.addAll(names);
            checkEveryone();
        }

        @Override
        public void onPresenceUpdate(String name, boolean isOnline) {
            if (isOnline) {
                online.add(name);
            }
            checkEveryone();
        }

        private void checkEveryone() {
            if (online.size() == CLIENTS - 1) {
                everyoneOnline.countDown();
            }
        }

        @Override
        public void onIncomingCall(String id, String from) {
            callId = id;
            callEvents.add("incoming");
            self.ringing(id).thenCompose(x -> self.accept(id));
        }

        @Override
        public void onRinging(String id) {
            callEvents.add("ringing");
        }

        @Override
        public void onAccepted(String id) {
            callEvents.add("accepted");
            if (caller) {
                callId = id;   // the invite's future may complete after this, on the test thread
                self.sendDescription(id, "offer", "v=0 offer " + id);
                sendCandidates(id);
            }
        }

        @Override
        public void onDescription(String id, String type, String sdp) {
            callEvents.add(type);
            if (!sdp.endsWith(id)) {
                errors.incrementAndGet();
            }
            descriptionIn = true;
            if (!caller) {
                self.sendDescription(id, "answer", "v=0 answer " + id);
                sendCandidates(id);
            }
            maybeDone();
        }

        private void sendCandidates(String id) {
            for (int i = 0; i < CANDIDATES; i++) {
                self.sendCandidate(id, "candidate:" + i + " 1 udp 1 127.0.0.1 " + (9000 + i) + " typ host", "0", 0, null);
            }
        }

        @Override
        public void onCandidate(ServerMessage.Candidate c) {
            if (!c.callId().equals(callId)) {
                errors.incrementAndGet();
            }
            candidatesIn++;
            maybeDone();
        }

        private void maybeDone() {
            if (descriptionIn && candidatesIn == CANDIDATES) {
                callDone.countDown();
            }
        }

        @Override
        public void onCallEnded(String id, CallEndReason reason, String detail) {
            callEvents.add("ended " + reason);
            ended.countDown();
        }

        @Override
        public void onError(ServerMessage.Error error) {
            errors.incrementAndGet();
        }
    }

    @Test
    void thousandClientsAndTwoHundredSimultaneousCallSetUps() throws Exception {
        long started = System.nanoTime();
        try (SignalingServer server = SignalingServer.start(SignalingServerConfig.builder().maxClients(CLIENTS + 10).build());
             SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 4)) {
            List<SignalingClient> clients = new ArrayList<>();
            List<Seen> seen = new ArrayList<>();
            List<CompletableFuture<?>> registrations = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Seen s = new Seen();
                SignalingClient c = new SignalingClient(
                        SignalingClientConfig.of(server.webSocketUri(), String.format(Locale.ROOT, "user%04d", i), null),
                        runtime, s);
                s.self = c;
                s.caller = i < CALLS;
                clients.add(c);
                seen.add(s);
                registrations.add(c.connect());
            }
            CompletableFuture.allOf(registrations.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            for (Seen s : seen) {
                assertTrue(s.everyoneOnline.await(60, TimeUnit.SECONDS), "every presence update arrived");
            }
            long registeredAt = System.nanoTime();

            List<CompletableFuture<String>> invites = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                invites.add(clients.get(i).invite(String.format(Locale.ROOT, "user%04d", CALLS + i)));
            }
            for (int i = 0; i < 2 * CALLS; i++) {
                assertTrue(seen.get(i).callDone.await(30, TimeUnit.SECONDS), "call of client " + i + " set up");
            }
            for (int i = 0; i < CALLS; i++) {
                assertEquals(invites.get(i).get(30, TimeUnit.SECONDS), seen.get(i).callId);
            }
            long setUpAt = System.nanoTime();
            List<CompletableFuture<Void>> hangups = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                hangups.add(clients.get(i).hangup(seen.get(i).callId));
            }
            CompletableFuture.allOf(hangups.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < CALLS; i++) {
                Seen callee = seen.get(CALLS + i);
                assertEquals(seen.get(i).callId, callee.callId, "the callee saw the caller's call id");
                assertTrue(callee.ended.await(10, TimeUnit.SECONDS), "hang-up reached callee " + i);
                assertEquals(List.of("incoming", "accepted", "offer", "ended HUNG_UP"), callee.callEvents);
                assertEquals(List.of("ringing", "accepted", "answer"), seen.get(i).callEvents);
            }
            for (int i = 0; i < CLIENTS; i++) {
                assertEquals(0, seen.get(i).errors.get(), "client " + i + " saw no error");
                if (i >= 2 * CALLS) {
                    assertTrue(seen.get(i).callEvents.isEmpty(), "an uninvolved client heard of no call");
                }
            }
            assertEquals(0, server.callCount());
            System.out.printf(Locale.ROOT, "load: %d clients registered with full presence in %.1f s; %d calls set up in %.1f s; total %.1f s%n",
                    CLIENTS, (registeredAt - started) / 1e9, CALLS, (setUpAt - registeredAt) / 1e9,
                    (System.nanoTime() - started) / 1e9);
            clients.forEach(SignalingClient::close);
        }
    }
}
