package dev.parley.app.bench;

import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingListener;
import dev.parley.app.signaling.protocol.ServerMessage;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The issue's scenario measured message by message: {@code calls} simultaneous call set-ups among
 * the connected clients, each what a real call sends — invite, ringing, accept, Chromium's offer
 * and answer (6 KB each), four trickled candidates each way — then a hang-up; wave after wave.
 * The callee's app rings at once; the {@link Pace} says when people place, accept and end the
 * calls: as people do (all 200 placed within a second and ringing together, accepted 1–3 s after
 * the ring, ended within a second), or all in the same millisecond, which makes each step of the
 * wave one burst. Every relayed message's latency is taken from its sender's call to the other
 * party's listener, so it includes both clients' encoding and decoding as well as the server.
 */
final class CallSetUpWaves {
    static final int CANDIDATES = 4;
    /** Between waves, so the per-connection rate limiter's burst is whole again, as for real calls. */
    static final long PAUSE_MILLIS = 250;

    /** When the calls of a wave are placed, accepted and ended (times uniform in their windows, seeded so runs are alike). */
    record Pace(long placeWithinMillis, long answerMinMillis, long answerMaxMillis, long hangUpWithinMillis) {
        /** 200 people place their calls within one second, pick up 1–3 s after the ring and hang up within a second. */
        static final Pace PEOPLE = placedWithin(1000);
        /** Every invite in the same millisecond, every callee accepting the moment it rings, every hang-up at once. */
        static final Pace BURST = new Pace(0, 0, 0, 0);

        /** People's pace, with the calls placed within {@code millis}. */
        static Pace placedWithin(long millis) {
            return new Pace(millis, 1000, 3000, 1000);
        }

        String describe() {
            return equals(BURST) ? "every invite in the same millisecond, accepted the moment it rings, all hung up at once"
                    : "placed within " + placeWithinMillis + " ms so that all ring together, accepted " + answerMinMillis / 1000 + "–"
                    + answerMaxMillis / 1000 + " s after ringing, hung up within " + hangUpWithinMillis + " ms, as people do";
        }
    }

    enum Kind { INVITE, RINGING, ACCEPT, OFFER, ANSWER, CANDIDATE, HANGUP }

    record Sample(Kind kind, double ms) {}

    private final String offer;
    private final String answer;
    private final Pace pace;
    private final Random times = new Random(20261127);
    private final ScheduledExecutorService people = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-people");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Double> waveMillis = new ArrayList<>();
    private final List<Double> waveCpuMillis = new ArrayList<>();
    private Map<String, Long> threadCpuMillis = Map.of();
    private volatile boolean recording;

    CallSetUpWaves(String offer, String answer, Pace pace) {
        this.offer = offer;
        this.answer = answer;
        this.pace = pace;
    }

    Pace pace() {
        return pace;
    }

    /** One call's two ends and the send times the other end reads its latencies against. */
    private final class Pair {
        final Party caller = new Party(true);
        final Party callee = new Party(false);
        volatile long inviteSentAt;
        volatile long ringingSentAt;
        volatile long acceptSentAt;
        volatile long hangupSentAt;
        volatile CountDownLatch setUp;
        volatile CountDownLatch ended;

        final class Party implements SignalingListener {
            final boolean isCaller;
            SignalingClient self;
            boolean descriptionIn;
            int candidatesIn;

            Party(boolean isCaller) {
                this.isCaller = isCaller;
            }

            @Override
            public void onIncomingCall(String callId, String from) {
                record(Kind.INVITE, inviteSentAt);
                ringingSentAt = System.nanoTime();
                self.ringing(callId);
                at(randomMillis(pace.answerMinMillis(), pace.answerMaxMillis()), () -> acceptNow(callId));
            }

            private void acceptNow(String callId) {
                acceptSentAt = System.nanoTime();
                self.accept(callId);
            }

            @Override
            public void onRinging(String callId) {
                record(Kind.RINGING, ringingSentAt);
            }

            @Override
            public void onAccepted(String callId) {
                if (!isCaller) {
                    return;   // the server confirms the accept to the callee too; only the caller offers
                }
                record(Kind.ACCEPT, acceptSentAt);
                self.sendDescription(callId, "offer", stamped(offer));
                sendCandidates(callId);
            }

            @Override
            public void onDescription(String callId, String sdpType, String sdp) {
                record(isCaller ? Kind.ANSWER : Kind.OFFER, sentAt(sdp));
                descriptionIn = true;
                if (!isCaller) {
                    self.sendDescription(callId, "answer", stamped(answer));
                    sendCandidates(callId);
                }
                maybeSetUp();
            }

            private void sendCandidates(String callId) {
                for (int i = 0; i < CANDIDATES; i++) {
                    // the send time rides in the foundation, which the server does not read
                    self.sendCandidate(callId, "candidate:" + System.nanoTime() + " 1 udp 2122260223 127.0.0.1 "
                            + (50000 + i) + " typ host generation 0 network-id 1", "0", 0, null);
                }
            }

            @Override
            public void onCandidate(ServerMessage.Candidate candidate) {
                String c = candidate.candidate();
                record(Kind.CANDIDATE, Long.parseLong(c.substring("candidate:".length(), c.indexOf(' '))));
                candidatesIn++;
                maybeSetUp();
            }

            private void maybeSetUp() {
                if (descriptionIn && candidatesIn == CANDIDATES) {
                    descriptionIn = false;
                    candidatesIn = 0;
                    setUp.countDown();
                }
            }

            @Override
            public void onCallEnded(String callId, CallEndReason reason, String detail) {
                if (!isCaller) {
                    record(Kind.HANGUP, hangupSentAt);
                    ended.countDown();
                }
            }
        }
    }

    /** Runs {@code warmUp + measured} waves of {@code calls} set-ups; returns the measured waves' samples. */
    List<Sample> run(List<SignalingClient> callers, List<SignalingClient> callees, List<String> calleeNames,
                     List<ForwardingListener> callerListeners, List<ForwardingListener> calleeListeners,
                     int warmUp, int measured) throws InterruptedException {
        int calls = callers.size();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Pair p = new Pair();
            p.caller.self = callers.get(i);
            p.callee.self = callees.get(i);
            callerListeners.get(i).delegate = p.caller;
            calleeListeners.get(i).delegate = p.callee;
            pairs.add(p);
        }
        Map<String, Long> before = new HashMap<>();
        for (int wave = 0; wave < warmUp + measured; wave++) {
            recording = wave >= warmUp;
            if (wave == warmUp) {
                before = threadCpuMillisNow();
            }
            CountDownLatch setUp = new CountDownLatch(2 * calls);
            CountDownLatch ended = new CountDownLatch(calls);
            List<String> callIds = new ArrayList<>();
            for (Pair p : pairs) {
                p.setUp = setUp;
                p.ended = ended;
            }
            long waveStart = System.nanoTime();
            long cpuStart = processCpuNanos();
            for (int i = 0; i < calls; i++) {
                callIds.add(null);
            }
            for (int i = 0; i < calls; i++) {
                Pair p = pairs.get(i);
                int index = i;
                at(randomMillis(0, pace.placeWithinMillis()), () -> {
                    p.inviteSentAt = System.nanoTime();
                    callers.get(index).invite(calleeNames.get(index))
                            .thenAccept(id -> { synchronized (callIds) { callIds.set(index, id); } });
                });
            }
            await(setUp, "wave " + wave + ": a call was not set up");
            if (recording) {
                waveMillis.add((System.nanoTime() - waveStart) / 1e6);
                waveCpuMillis.add((processCpuNanos() - cpuStart) / 1e6);
            }
            for (int i = 0; i < calls; i++) {
                String id;
                synchronized (callIds) {
                    id = callIds.get(i);
                }
                if (id == null) {
                    throw new IllegalStateException("wave " + wave + ": call " + i + " set up but its invite not answered");
                }
                Pair p = pairs.get(i);
                SignalingClient caller = callers.get(i);
                at(randomMillis(0, pace.hangUpWithinMillis()), () -> {
                    p.hangupSentAt = System.nanoTime();
                    caller.hangup(id);
                });
            }
            await(ended, "wave " + wave + ": a hang-up did not arrive");
            Thread.sleep(PAUSE_MILLIS);   // spacing between waves, not a wait for an event
        }
        recording = false;
        Map<String, Long> after = threadCpuMillisNow();
        Map<String, Long> start = before;
        after.replaceAll((group, ms) -> ms - start.getOrDefault(group, 0L));
        after.values().removeIf(ms -> ms == 0);
        threadCpuMillis = after;
        people.shutdownNow();
        for (ForwardingListener l : callerListeners) {
            l.delegate = new SignalingListener() {};
        }
        for (ForwardingListener l : calleeListeners) {
            l.delegate = new SignalingListener() {};
        }
        return new ArrayList<>(samples);
    }

    /** Uniform in [min, max] ms; 0 when both are. */
    private long randomMillis(long min, long max) {
        if (max == 0) {
            return 0;
        }
        synchronized (times) {
            return min + times.nextInt((int) (max - min + 1));
        }
    }

    /** Runs {@code action} now when {@code delayMillis} is 0, else on the people's timer. */
    private void at(long delayMillis, Runnable action) {
        if (delayMillis == 0) {
            action.run();
        } else {
            people.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Per-kind p99 in ms, for the printed breakdown. */
    static Map<Kind, Double> p99ByKind(List<Sample> samples) {
        Map<Kind, Double> result = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            double[] v = samples.stream().filter(s -> s.kind() == k).mapToDouble(Sample::ms).toArray();
            if (v.length > 0) {
                result.put(k, BenchResult.percentile(v, 99));
            }
        }
        return result;
    }

    static String describe(Map<Kind, Double> p99s) {
        StringBuilder b = new StringBuilder();
        p99s.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s%s %.1f", b.length() == 0 ? "" : ", ",
                k.name().toLowerCase(Locale.ROOT), v)));
        return b.toString();
    }

    /** Median wall time from a wave's start to its last call set up, and the process CPU it took (people's waiting included). */
    String waveCost() {
        return String.format(Locale.ROOT, "a wave set up in %.0f ms (median, from the wave's start) using %.0f ms of CPU", median(waveMillis), median(waveCpuMillis));
    }

    /** CPU of the measured waves by thread group (digits in thread names folded), where the time went. */
    Map<String, Long> threadCpuMillis() {
        return threadCpuMillis;
    }

    private static double median(List<Double> values) {
        return BenchResult.percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    private static Map<String, Long> threadCpuMillisNow() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new TreeMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null) {
                byGroup.merge(t.getThreadName().replaceAll("[0-9]+", "#"), threads.getThreadCpuTime(t.getThreadId()) / 1_000_000, Long::sum);
            }
        }
        return byGroup;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void record(Kind kind, long sentAt) {
        if (recording) {
            samples.add(new Sample(kind, (System.nanoTime() - sentAt) / 1e6));
        }
    }

    /** The description with its send time as a last attribute line, after Chromium's own. */
    private static String stamped(String sdp) {
        return sdp + "a=x-parley-sent:" + System.nanoTime() + "\r\n";
    }

    private static long sentAt(String sdp) {
        int at = sdp.lastIndexOf("a=x-parley-sent:") + "a=x-parley-sent:".length();
        return Long.parseLong(sdp.substring(at, sdp.indexOf('\r', at)));
    }

    private static void await(CountDownLatch latch, String failure) throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(failure + " within 60 s (" + latch.getCount() + " outstanding)");
        }
    }
}
