package dev.parley.rtc;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Records every event of one peer connection, in order, for tests to assert on and wait for:
 * lists for the state changes, queues for the events a test waits for one by one.
 */
final class PcEvents implements RTCPeerConnectionListener {
    final List<RTCSignalingState> signaling = new CopyOnWriteArrayList<>();
    final List<RTCIceGatheringState> gathering = new CopyOnWriteArrayList<>();
    final List<RTCIceConnectionState> ice = new CopyOnWriteArrayList<>();
    final List<RTCPeerConnectionState> connection = new CopyOnWriteArrayList<>();
    /** Gathered candidates; the end-of-gathering null is not queued but counted. */
    final BlockingQueue<RTCIceCandidate> candidates = new LinkedBlockingQueue<>();
    final BlockingQueue<RTCTrackEvent> tracks = new LinkedBlockingQueue<>();
    final BlockingQueue<Long> negotiationNeeded = new LinkedBlockingQueue<>();
    /** Every event, by name, to prove that none came (after close). */
    final List<String> all = new CopyOnWriteArrayList<>();
    volatile int endOfCandidates;
    private volatile CompletableFuture<Void> gatheringComplete = new CompletableFuture<>();
    private final Object stateLock = new Object();

    static PcEvents on(RTCPeerConnection pc) {
        PcEvents events = new PcEvents();
        pc.addListener(events);
        return events;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        all.add("icecandidate");
        if (candidate == null) {
            endOfCandidates++;
        } else {
            candidates.add(candidate);
        }
    }

    @Override
    public void onNegotiationNeeded() {
        all.add("negotiationneeded");
        negotiationNeeded.add(System.nanoTime());
    }

    @Override
    public void onSignalingStateChange(RTCSignalingState state) {
        all.add("signalingstatechange");
        signaling.add(state);
    }

    @Override
    public void onIceGatheringStateChange(RTCIceGatheringState state) {
        all.add("icegatheringstatechange");
        gathering.add(state);
        synchronized (stateLock) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gatheringComplete.complete(null);
            } else if (gatheringComplete.isDone()) {
                gatheringComplete = new CompletableFuture<>(); // an ICE restart gathers again
            }
        }
    }

    @Override
    public void onIceConnectionStateChange(RTCIceConnectionState state) {
        all.add("iceconnectionstatechange");
        ice.add(state);
        synchronized (stateLock) {
            stateLock.notifyAll();
        }
    }

    @Override
    public void onConnectionStateChange(RTCPeerConnectionState state) {
        all.add("connectionstatechange");
        connection.add(state);
        synchronized (stateLock) {
            stateLock.notifyAll();
        }
    }

    @Override
    public void onTrack(RTCTrackEvent event) {
        all.add("track");
        tracks.add(event);
    }

    /** Waits until the current gathering (the first, or the one an ICE restart began) completed. */
    void awaitGatheringComplete(long seconds) throws Exception {
        gatheringComplete.get(seconds, TimeUnit.SECONDS);
    }

    /** Waits until a connectionstatechange to {@code state} has been seen, after {@code seenBefore} events. */
    void awaitConnection(RTCPeerConnectionState state, int seenBefore, long seconds) throws Exception {
        awaitIn(connection, state, seenBefore, seconds);
    }

    void awaitConnection(RTCPeerConnectionState state, long seconds) throws Exception {
        awaitIn(connection, state, 0, seconds);
    }

    void awaitIce(Predicate<RTCIceConnectionState> wanted, int seenBefore, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (stateLock) {
            while (true) {
                for (int i = seenBefore; i < ice.size(); i++) {
                    if (wanted.test(ice.get(i))) {
                        return;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("ICE states " + ice);
                }
                TimeUnit.NANOSECONDS.timedWait(stateLock, left);
            }
        }
    }

    private <T> void awaitIn(List<T> list, T state, int seenBefore, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (stateLock) {
            while (list.subList(Math.min(seenBefore, list.size()), list.size()).stream().noneMatch(state::equals)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("no " + state + " in " + list);
                }
                TimeUnit.NANOSECONDS.timedWait(stateLock, left);
            }
        }
    }

    /** The next track event of that kind, or an assertion failure after the deadline. */
    RTCTrackEvent nextTrack(String kind, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            RTCTrackEvent event = tracks.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + kind + " track event within " + seconds + " s");
            }
            if (event.track().kind().equals(kind)) {
                return event;
            }
        }
    }
}
