package dev.parley.app.signaling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.protocol.ClientEnvelope;
import dev.parley.app.signaling.protocol.ClientMessage;
import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.protocol.ServerMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub's state machine, driven directly on the test thread with fake connections and manual timers. */
class SignalingHubTest {
    private static final Duration RING = Duration.ofSeconds(45);
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final String CALL = "call-0000-0001";
    private static final IceServer TURN = new IceServer(List.of("turn:127.0.0.1:3478"), "u", "p");

    private final ManualTimers timers = new ManualTimers();
    private SignalingHub hub;
    private FakeConnection ada;
    private FakeConnection bob;
    private FakeConnection eve;
    private long nextId = 1;

    @BeforeEach
    void start() {
        hub = newHub(null, 10);
        ada = join(hub, "Ada");
        bob = join(hub, "Bob");
        eve = join(hub, "Eve");
        ada.take();
        bob.take();
        eve.take();
    }

    private SignalingHub newHub(String token, int maxClients) {
        return new SignalingHub(new HubSettings(token, List.of(TURN), RING, GRACE, HEARTBEAT, maxClients,
                Duration.ZERO),
                timers);
    }

    private FakeConnection join(SignalingHub h, String name) {
        FakeConnection c = new FakeConnection(name);
        h.opened(c);
        send(h, c, new ClientMessage.Register(name, null, null));
        return c;
    }

    private long send(SignalingHub h, FakeConnection from, ClientMessage m) {
        long id = nextId++;
        h.received(from, new ClientEnvelope(id, m));
        return id;
    }

    private long send(FakeConnection from, ClientMessage m) {
        return send(hub, from, m);
    }

    private void ringingCall() {
        long id = send(ada, new ClientMessage.Invite(CALL, "Bob"));
        assertEquals(List.of(new ServerMessage.Ack(id)), ada.take());
        assertEquals(List.of(new ServerMessage.Incoming(CALL, "Ada")), bob.take());
        long ringing = send(bob, new ClientMessage.Ringing(CALL));
        assertEquals(List.of(new ServerMessage.Ack(ringing)), bob.take());
        assertEquals(List.of(new ServerMessage.Ringing(CALL)), ada.take());
    }

    private void acceptedCall() {
        ringingCall();
        long accept = send(bob, new ClientMessage.Accept(CALL));
        assertEquals(List.of(new ServerMessage.Ack(accept), new ServerMessage.Accepted(CALL)), bob.take());
        assertEquals(List.of(new ServerMessage.Accepted(CALL)), ada.take());
    }

    private static ServerMessage.Error onlyError(FakeConnection c) {
        List<ServerMessage> got = c.take();
        assertEquals(1, got.size(), got.toString());
        return assertInstanceOf(ServerMessage.Error.class, got.get(0));
    }

    @Test
    void registrationAnswersWithIceServersAndPresenceAndTellsTheOthers() {
        FakeConnection grace = new FakeConnection("Grace");
        hub.opened(grace);
        long id = send(grace, new ClientMessage.Register("Grace", null, null));
        assertEquals(List.of(new ServerMessage.Registered(id, "Grace", List.of(TURN), 15, 45),
                new ServerMessage.Presence(List.of("Ada", "Bob", "Eve"))), grace.take());
        assertEquals(List.of(new ServerMessage.PresenceUpdate(List.of("Grace"), List.of())), ada.take());
        bob.take();
        hub.closed(grace);
        assertEquals(List.of(new ServerMessage.PresenceUpdate(List.of(), List.of("Grace"))), bob.take());
        assertTrue(grace.take().isEmpty());
    }

    @Test
    void batchedPresenceGathersChangesUntilTheTimerFires() {
        SignalingHub batching = new SignalingHub(new HubSettings(null, List.of(), RING, GRACE, Duration.ofSeconds(15), 10,
                Duration.ofMillis(100)), timers);
        FakeConnection first = join(batching, "Ada");
        FakeConnection second = join(batching, "Bob");
        FakeConnection third = join(batching, "Eve");
        batching.closed(second);
        first.take();
        third.take();
        assertEquals(1, timers.fire(Duration.ofMillis(100)));
        assertEquals(List.of(new ServerMessage.PresenceUpdate(List.of("Eve"), List.of("Bob"))), first.take());
        // Ada joined in this batch too: Eve hears it again (set semantics), nobody hears of themselves.
        assertEquals(List.of(new ServerMessage.PresenceUpdate(List.of("Ada"), List.of("Bob"))), third.take());
        assertEquals(0, timers.fire(Duration.ofMillis(100)), "nothing more to send");
    }

    @Test
    void registrationRefusals() {
        FakeConnection second = new FakeConnection("x");
        hub.opened(second);
        send(second, new ClientMessage.Register("Ada", null, null));
        assertEquals(ErrorCode.NAME_TAKEN, onlyError(second).code());
        send(second, new ClientMessage.Invite(CALL, "Ada"));
        assertEquals(ErrorCode.NOT_REGISTERED, onlyError(second).code());
        send(ada, new ClientMessage.Register("Ada2", null, null));
        assertEquals(ErrorCode.ALREADY_REGISTERED, onlyError(ada).code());
        assertTrue(bob.take().isEmpty());
    }

    @Test
    void accessTokenIsRequiredWhenConfigured() {
        SignalingHub locked = newHub("open sesame", 10);
        FakeConnection c = new FakeConnection("c");
        locked.opened(c);
        send(locked, c, new ClientMessage.Register("Ada", null, null));
        assertEquals(ErrorCode.BAD_TOKEN, onlyError(c).code());
        send(locked, c, new ClientMessage.Register("Ada", "open sesamE", null));
        assertEquals(ErrorCode.BAD_TOKEN, onlyError(c).code());
        long id = send(locked, c, new ClientMessage.Register("Ada", "open sesame", null));
        assertInstanceOf(ServerMessage.Registered.class, c.take().get(0));
        assertTrue(id > 0);
    }

    @Test
    void maxClientsRefusesTheNextConnection() {
        SignalingHub small = newHub(null, 1);
        join(small, "Ada");
        FakeConnection late = new FakeConnection("late");
        small.opened(late);
        assertEquals(ErrorCode.SERVER_FULL, onlyError(late).code());
        assertEquals(SignalingHub.CLOSE_TRY_AGAIN_LATER, late.closeCode);
        assertEquals(1, small.clientCount());
    }

    @Test
    void inviteRingAcceptHangup() {
        acceptedCall();
        long id = send(ada, new ClientMessage.Hangup(CALL));
        assertEquals(List.of(new ServerMessage.Ack(id)), ada.take());
        assertEquals(List.of(new ServerMessage.HungUp(CALL, "hangup")), bob.take());
        assertEquals(0, hub.callCount());
        assertEquals(0, timers.live(RING) + timers.live(GRACE), "no call timer left");
        assertTrue(eve.take().isEmpty());
    }

    @Test
    void declineCarriesTheReason() {
        ringingCall();
        send(bob, new ClientMessage.Decline(CALL, "in a meeting"));
        assertEquals(List.of(new ServerMessage.Declined(CALL, "in a meeting")), ada.take());
        assertEquals(0, hub.callCount());
    }

    @Test
    void cancelReachesTheCallee() {
        ringingCall();
        send(ada, new ClientMessage.Cancel(CALL));
        assertEquals(List.of(new ServerMessage.Cancelled(CALL)), bob.take());
        assertEquals(0, hub.callCount());
    }

    @Test
    void invitingSomeoneInACallIsBusy() {
        acceptedCall();
        long id = send(eve, new ClientMessage.Invite("call-0000-0002", "Bob"));
        assertEquals(List.of(new ServerMessage.Ack(id), new ServerMessage.Busy("call-0000-0002")), eve.take());
        assertTrue(bob.take().isEmpty());
        assertEquals(1, hub.callCount());
    }

    @Test
    void calleeMayAnswerBusy() {
        ringingCall();
        send(bob, new ClientMessage.Busy(CALL));
        assertEquals(List.of(new ServerMessage.Busy(CALL)), ada.take());
        assertEquals(0, hub.callCount());
    }

    @Test
    void anUnansweredInviteIsMissedAfterTheRingTime() {
        ringingCall();
        assertEquals(1, timers.fire(RING));
        assertEquals(List.of(new ServerMessage.Missed(CALL)), ada.take());
        assertEquals(List.of(new ServerMessage.Missed(CALL)), bob.take());
        send(bob, new ClientMessage.Accept(CALL));
        assertEquals(ErrorCode.UNKNOWN_CALL, onlyError(bob).code());
    }

    @Test
    void acceptingStopsTheRingTimer() {
        acceptedCall();
        assertEquals(0, timers.fire(RING));
        assertEquals(1, hub.callCount());
    }

    @Test
    void inviteRefusals() {
        send(ada, new ClientMessage.Invite(CALL, "Nobody"));
        assertEquals(ErrorCode.UNKNOWN_USER, onlyError(ada).code());
        send(ada, new ClientMessage.Invite(CALL, "Ada"));
        assertEquals(ErrorCode.SELF_CALL, onlyError(ada).code());
        ringingCall();
        send(eve, new ClientMessage.Invite(CALL, "Ada"));
        assertEquals(ErrorCode.DUPLICATE_CALL, onlyError(eve).code());
        send(ada, new ClientMessage.Invite("call-0000-0003", "Eve"));
        assertEquals(ErrorCode.INVALID_STATE, onlyError(ada).code());
    }

    @Test
    void wrongRoleOrStateIsRefusedAndChangesNothing() {
        ringingCall();
        send(ada, new ClientMessage.Accept(CALL));
        assertEquals(ErrorCode.INVALID_STATE, onlyError(ada).code());
        send(bob, new ClientMessage.Cancel(CALL));
        assertEquals(ErrorCode.INVALID_STATE, onlyError(bob).code());
        send(ada, new ClientMessage.Hangup(CALL));
        assertEquals(ErrorCode.INVALID_STATE, onlyError(ada).code());
        send(ada, new ClientMessage.Description(CALL, "offer", "v=0\r\n"));
        assertEquals(ErrorCode.INVALID_STATE, onlyError(ada).code());
        assertTrue(bob.take().isEmpty());
        send(bob, new ClientMessage.Accept(CALL));
        assertEquals(2, bob.take().size());
    }

    @Test
    void someoneElsesCallLooksUnknownAndReachesNobody() {
        acceptedCall();
        for (ClientMessage m : List.of(new ClientMessage.Hangup(CALL), new ClientMessage.Accept(CALL),
                new ClientMessage.Description(CALL, "offer", "v=0\r\n"),
                new ClientMessage.Candidate(CALL, "", null, null, null))) {
            long id = send(eve, m);
            ServerMessage.Error e = onlyError(eve);
            assertEquals(ErrorCode.UNKNOWN_CALL, e.code());
            assertEquals(id, e.re());
            assertEquals(CALL, e.callId());
        }
        assertTrue(ada.take().isEmpty());
        assertTrue(bob.take().isEmpty());
        assertEquals(1, hub.callCount());
    }

    @Test
    void descriptionsAndCandidatesGoOnlyToThePeer() {
        acceptedCall();
        send(ada, new ClientMessage.Description(CALL, "offer", "v=0\r\na=x\r\n"));
        hub.received(ada, new ClientEnvelope(0, new ClientMessage.Candidate(CALL, "candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null)));
        assertEquals(List.of(new ServerMessage.Description(CALL, "offer", "v=0\r\na=x\r\n"),
                new ServerMessage.Candidate(CALL, "candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null)), bob.take());
        assertEquals(1, ada.take().size(), "one ack, for the description that had an id");
        send(bob, new ClientMessage.Description(CALL, "answer", "v=0\r\n"));
        assertEquals(List.of(new ServerMessage.Description(CALL, "answer", "v=0\r\n")), ada.take());
        assertTrue(eve.take().isEmpty());
    }

    @Test
    void callerLeavingARingingCallCancelsIt() {
        ringingCall();
        hub.closed(ada);
        assertEquals(List.of(new ServerMessage.Cancelled(CALL), new ServerMessage.PresenceUpdate(List.of(), List.of("Ada"))),
                bob.take());
        assertEquals(0, hub.callCount());
    }

    @Test
    void calleeLeavingARingingCallDeclinesIt() {
        ringingCall();
        hub.closed(bob);
        assertEquals(List.of(new ServerMessage.Declined(CALL, "unavailable"), new ServerMessage.PresenceUpdate(List.of(), List.of("Bob"))),
                ada.take());
    }

    @Test
    void anAcceptedCallWaitsForAPartyThatReconnects() {
        acceptedCall();
        hub.closed(bob);
        ada.take();
        send(ada, new ClientMessage.Description(CALL, "offer", "v=0\r\n"));
        assertEquals(ErrorCode.INVALID_STATE, onlyError(ada).code());
        FakeConnection bob2 = new FakeConnection("Bob again");
        hub.opened(bob2);
        send(bob2, new ClientMessage.Register("Bob", null, new ClientMessage.Resume(CALL, "Ada")));
        List<ServerMessage> got = bob2.take();
        assertEquals(new ServerMessage.Resumed(CALL, "Ada"), got.get(got.size() - 1));
        assertEquals(List.of(new ServerMessage.PresenceUpdate(List.of("Bob"), List.of()), new ServerMessage.Resumed(CALL, "Bob")),
                ada.take());
        assertEquals(0, timers.fire(GRACE), "resuming cancels the grace timer");
        send(ada, new ClientMessage.Description(CALL, "offer", "v=0\r\n"));
        assertEquals(List.of(new ServerMessage.Description(CALL, "offer", "v=0\r\n")), bob2.take());
    }

    @Test
    void aPartyThatDoesNotComeBackEndsTheCall() {
        acceptedCall();
        hub.closed(bob);
        ada.take();
        assertEquals(1, timers.fire(GRACE));
        assertEquals(List.of(new ServerMessage.HungUp(CALL, "peer-gone")), ada.take());
        assertEquals(0, hub.callCount());
    }

    @Test
    void afterARestartBothClaimsRebuildTheCall() {
        SignalingHub fresh = newHub(null, 10);
        FakeConnection a = new FakeConnection("a");
        FakeConnection b = new FakeConnection("b");
        fresh.opened(a);
        fresh.opened(b);
        send(fresh, a, new ClientMessage.Register("Ada", null, new ClientMessage.Resume(CALL, "Bob")));
        a.take();
        send(fresh, b, new ClientMessage.Register("Bob", null, new ClientMessage.Resume(CALL, "Ada")));
        assertTrue(b.take().contains(new ServerMessage.Resumed(CALL, "Ada")));
        assertTrue(a.take().contains(new ServerMessage.Resumed(CALL, "Bob")));
        send(fresh, b, new ClientMessage.Hangup(CALL));
        assertEquals(List.of(new ServerMessage.HungUp(CALL, "hangup")), a.take());
    }

    @Test
    void aClaimForAnotherPairIsRefused() {
        acceptedCall();
        hub.closed(bob);
        FakeConnection mallory = new FakeConnection("m");
        hub.opened(mallory);
        send(mallory, new ClientMessage.Register("Mallory", null, new ClientMessage.Resume(CALL, "Ada")));
        List<ServerMessage> got = mallory.take();
        ServerMessage.Error e = assertInstanceOf(ServerMessage.Error.class, got.get(got.size() - 1));
        assertEquals(ErrorCode.UNKNOWN_CALL, e.code());
        ada.take();
        send(mallory, new ClientMessage.Description(CALL, "offer", "v=0\r\n"));
        assertEquals(ErrorCode.UNKNOWN_CALL, onlyError(mallory).code());
        assertTrue(ada.take().isEmpty());
    }

    @Test
    void pingIsAnsweredEvenBeforeRegistering() {
        FakeConnection c = new FakeConnection("c");
        hub.opened(c);
        long id = send(c, new ClientMessage.Ping());
        assertEquals(List.of(new ServerMessage.Pong(id)), c.take());
    }

    @Test
    void aClientSilentForThreeHeartbeatsIsDroppedAndItsNameAndCallFreed() {
        ringingCall();
        ada.take();
        bob.take();
        long limit = HEARTBEAT.toNanos() * SignalingHub.SILENT_HEARTBEATS;
        timers.nanoTime = limit;   // everyone was last heard at 0: exactly at the limit, still in
        bob.lastHeardNanos = limit;
        eve.lastHeardNanos = limit;
        assertEquals(1, timers.fire(HEARTBEAT));
        assertEquals(0, ada.closeCode);
        assertEquals(3, hub.clientCount());

        timers.nanoTime = limit + HEARTBEAT.toNanos();
        assertEquals(1, timers.fire(HEARTBEAT), "the sweep runs every heartbeat");
        assertEquals(SignalingHub.CLOSE_GOING_AWAY, ada.closeCode);
        assertEquals(0, bob.closeCode);
        assertEquals(0, eve.closeCode);
        assertEquals(2, hub.clientCount());
        assertEquals(new ServerMessage.Cancelled(CALL), bob.take().get(0), "the silent caller's ringing call ends");
        assertEquals(0, hub.callCount());
        assertEquals(1, timers.live(HEARTBEAT), "the next sweep is due");

        hub.closed(ada);   // the dead socket's own close, whenever it comes, changes nothing
        assertEquals(2, hub.clientCount());
        FakeConnection again = join(hub, "Ada");
        assertInstanceOf(ServerMessage.Registered.class, again.take().get(0), "the name is free again");
    }
}
