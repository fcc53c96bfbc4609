package dev.parley.app.signaling.e2e;

import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingListener;
import dev.parley.app.signaling.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A listener that writes each event as one line ({@code "incoming <callId> <from>"}) and lets a
 * test wait, with a deadline, for a line it expects.
 */
final class Recorder implements SignalingListener {
    private final List<String> events = new ArrayList<>();

    private synchronized void add(String event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Waits for an event equal to {@code expected}; fails after {@code timeout}. */
    String await(String expected, Duration timeout) throws InterruptedException {
        return await(expected::equals, expected, timeout);
    }

    String await(String expected) throws InterruptedException {
        return await(expected, Duration.ofSeconds(10));
    }

    synchronized String await(Predicate<String> match, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no event " + what + " within " + timeout + "; got " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized boolean saw(Predicate<String> match) {
        return events.stream().anyMatch(match);
    }

    @Override
    public void onStateChange(SignalingClient.State state) {
        add("state " + state);
    }

    @Override
    public void onRegistered(ServerMessage.Registered registered) {
        add("registered " + registered.name());
    }

    @Override
    public void onPresence(List<String> online) {
        add("presence " + String.join(",", online.stream().sorted().toList()));
    }

    @Override
    public void onPresenceUpdate(String name, boolean online) {
        add((online ? "online " : "offline ") + name);
    }

    @Override
    public void onIncomingCall(String callId, String from) {
        add("incoming " + callId + " " + from);
    }

    @Override
    public void onRinging(String callId) {
        add("ringing " + callId);
    }

    @Override
    public void onAccepted(String callId) {
        add("accepted " + callId);
    }

    @Override
    public void onCallEnded(String callId, CallEndReason reason, String detail) {
        add("ended " + callId + " " + reason + (detail == null ? "" : " " + detail));
    }

    @Override
    public void onDescription(String callId, String sdpType, String sdp) {
        add("description " + callId + " " + sdpType + " " + sdp.strip());
    }

    @Override
    public void onCandidate(ServerMessage.Candidate c) {
        add("candidate " + c.callId() + " " + c.candidate());
    }

    @Override
    public void onResumed(String callId, String peer) {
        add("resumed " + callId + " " + peer);
    }

    @Override
    public void onError(ServerMessage.Error error) {
        add("error " + error.code().wireName());
    }
}
