package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pushes racing sink, listener and track churn: steady sinks lose nothing and see nothing twice. */
class MediaStreamTrackConcurrencyTest {
    private static final int FRAMES = 20_000;

    private static AudioFrame frame(long sequence) {
        return new AudioFrame(new short[] {(short) sequence}, 8000, 1, sequence);
    }

    @Test
    void oneSteadySinkSeesEveryFrameOnceInOrder_whileOtherSinksAndTracksComeAndGo() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("steady");
        AtomicInteger received = new AtomicInteger();
        AtomicReference<String> problem = new AtomicReference<>();
        track.addAudioSink(new AudioSink() {
            long expected = 0; // only the pushing thread calls this sink

            @Override
            public void onFrame(AudioFrame f) {
                if (f.captureTimeNanos() != expected) {
                    problem.compareAndSet(null, "expected frame " + expected + ", got " + f.captureTimeNanos());
                }
                expected = f.captureTimeNanos() + 1;
                received.incrementAndGet();
            }
        });

        AtomicBoolean pushing = new AtomicBoolean(true);
        List<Thread> churners = new ArrayList<>();
        AtomicInteger churnedSinks = new AtomicInteger();
        for (int c = 0; c < 3; c++) {
            churners.add(new Thread(() -> {
                while (pushing.get()) {
                    // A transient sink on the steady track: must never see a frame twice or out of order.
                    Set<Long> seen = ConcurrentHashMap.newKeySet();
                    AtomicReference<Long> last = new AtomicReference<>(-1L);
                    try (AutoCloseable sink = track.addAudioSink(f -> {
                        if (!seen.add(f.captureTimeNanos()) || f.captureTimeNanos() <= last.get()) {
                            problem.compareAndSet(null, "transient sink saw " + f.captureTimeNanos() + " again");
                        }
                        last.set(f.captureTimeNanos());
                    })) {
                        Thread.onSpinWait();
                    } catch (Exception e) {
                        problem.compareAndSet(null, e.toString());
                    }
                    churnedSinks.incrementAndGet();
                    // Clones and stops change the source's track list under the pusher.
                    MediaStreamTrack clone = track.clone();
                    clone.addAudioSink(f -> { });
                    clone.stop();
                }
            }, "churn-" + c));
        }
        churners.forEach(Thread::start);

        CountDownLatch done = new CountDownLatch(1);
        Thread pusher = new Thread(() -> {
            for (long i = 0; i < FRAMES; i++) {
                source.push(frame(i));
            }
            done.countDown();
        }, "pusher");
        pusher.start();

        assertTrue(done.await(60, TimeUnit.SECONDS), "pushing finished");
        pushing.set(false);
        for (Thread churner : churners) {
            churner.join(10_000);
            assertFalse(churner.isAlive());
        }
        assertEquals(null, problem.get());
        assertEquals(FRAMES, received.get());
        assertTrue(churnedSinks.get() > 0, "sinks really came and went during the pushes");
        assertEquals(1, source.liveTrackCount(), "every clone was stopped and detached");
    }

    @Test
    void framesPushedFromSeveralThreadsAllArriveExactlyOnce() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("shared");
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        track.addAudioSink(f -> {
            if (!seen.add(f.captureTimeNanos())) {
                duplicates.incrementAndGet();
            }
        });
        int threads = 4;
        int perThread = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long base = (long) t * perThread;
            new Thread(() -> {
                for (long i = 0; i < perThread; i++) {
                    source.push(frame(base + i));
                }
                done.countDown();
            }, "pusher-" + t).start();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS));
        assertEquals(0, duplicates.get());
        assertEquals(threads * perThread, seen.size());
    }

    @Test
    void closingTheSourceWhileTracksAreClonedLeavesNoLiveTrackBehind() throws Exception {
        for (int round = 0; round < 200; round++) {
            AudioTrackSource source = new AudioTrackSource();
            MediaStreamTrack first = source.createTrack("t");
            List<MediaStreamTrack> clones = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            Thread cloner = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 50; i++) {
                    clones.add(first.clone());
                }
            });
            cloner.start();
            start.countDown();
            source.close();
            cloner.join(10_000);
            assertFalse(cloner.isAlive());
            for (MediaStreamTrack clone : clones) {
                assertEquals(MediaStreamTrackState.ENDED, clone.readyState(), "round " + round);
            }
            assertEquals(0, source.liveTrackCount());
        }
    }
}
