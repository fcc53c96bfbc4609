package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Real time on a shared 2-core machine: lower bounds are exact (never early), upper bounds generous. */
class PacedAudioSourceTest {

    /** What a sink saw: the frame and the wall-clock time it arrived. */
    private record Arrival(AudioFrame frame, long atNanos, Thread thread) {
    }

    @Test
    void pushesAHundredFramesASecond_neverEarly_stampedWithTheirDeadlines() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        CountDownLatch hundredAndOne = new CountDownLatch(101);
        source.createTrack("tone").addAudioSink(frame -> {
            arrivals.add(new Arrival(frame, System.nanoTime(), Thread.currentThread()));
            hundredAndOne.countDown();
        });
        ToneGenerator tone = new ToneGenerator(440, 0.5, 8000, 1);
        try (PacedAudioSource paced = new PacedAudioSource(tone, source).start()) {
            assertTrue(hundredAndOne.await(10, TimeUnit.SECONDS), "101 frames within 10 s");
            Arrival first = arrivals.get(0);
            Arrival last = arrivals.get(100);
            double seconds = (last.atNanos() - first.atNanos()) / 1e9;
            // 100 intervals of 10 ms: never less than 1 s; on a loaded machine perhaps somewhat more.
            assertTrue(seconds >= 0.99 && seconds < 2.0, "100 frames took " + seconds + " s");
            ToneDetector detector = new ToneDetector(8000);
            for (int i = 0; i <= 100; i++) {
                Arrival arrival = arrivals.get(i);
                assertEquals(first.frame().captureTimeNanos() + i * 10_000_000L, arrival.frame().captureTimeNanos(),
                        "frame " + i + " is stamped with its deadline: no drift");
                assertTrue(arrival.atNanos() >= arrival.frame().captureTimeNanos(), "frame " + i + " came early");
                assertFalse(arrival.thread() == Thread.currentThread());
                detector.add(arrival.frame());
            }
            assertTrue(detector.dominantAt(440, 2), "the generator's frames, in order");
            paced.close(); // joins the pacing thread: it counts a frame after its sinks returned
            assertTrue(paced.framesPushed() >= 101);
        }
    }

    @Test
    void closeStopsAndJoinsThePacingThreadPromptly() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        AtomicReference<Thread> pacing = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(3);
        source.createTrack("t").addAudioSink(frame -> {
            pacing.set(Thread.currentThread());
            running.countDown();
        });
        PacedAudioSource paced = new PacedAudioSource(new ToneGenerator(1000, 0.1, 48000, 2), source).start();
        assertTrue(running.await(5, TimeUnit.SECONDS));

        long before = System.nanoTime();
        paced.close();
        long closeMillis = (System.nanoTime() - before) / 1_000_000;

        assertFalse(pacing.get().isAlive(), "close() joined the pacing thread");
        assertTrue(closeMillis < 1000, "close took " + closeMillis + " ms");
        long pushed = paced.framesPushed();
        paced.close();
        assertEquals(pushed, paced.framesPushed(), "nothing after close");
        assertThrows(IllegalStateException.class, paced::start);
    }

    @Test
    void aSinkMayCloseTheSourceFromThePacingThread() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        AtomicReference<PacedAudioSource> paced = new AtomicReference<>();
        AtomicReference<Thread> pacing = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        source.createTrack("t").addAudioSink(frame -> {
            pacing.set(Thread.currentThread());
            paced.get().close();
            closed.countDown();
        });
        paced.set(new PacedAudioSource(new ToneGenerator(1000, 0.1, 8000, 1), source));
        paced.get().start();
        assertTrue(closed.await(5, TimeUnit.SECONDS), "close from the sink returned");
        pacing.get().join(5000);
        assertFalse(pacing.get().isAlive());
        assertEquals(1, paced.get().framesPushed());
    }

    @Test
    void aFailingProducerStopsThePacingThreadWithoutTakingAnythingElseDown() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        AtomicReference<Thread> producerThread = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        PacedAudioSource paced = new PacedAudioSource(time -> {
            producerThread.set(Thread.currentThread());
            failed.countDown();
            throw new IllegalStateException("broken producer (expected in this test)");
        }, source, "broken-producer").start();
        assertTrue(failed.await(5, TimeUnit.SECONDS));
        producerThread.get().join(5000);
        assertFalse(producerThread.get().isAlive());
        assertEquals(0, paced.framesPushed());
        paced.close();
    }

    @Test
    void afterAStallOfMoreThan200msItSkipsAheadInsteadOfBursting() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        ToneGenerator tone = new ToneGenerator(440, 0.5, 8000, 1);
        List<Long> stamps = new CopyOnWriteArrayList<>();
        CountDownLatch tenAfterTheStall = new CountDownLatch(15);
        source.createTrack("t").addAudioSink(frame -> {
            stamps.add(frame.captureTimeNanos());
            tenAfterTheStall.countDown();
        });
        try (PacedAudioSource paced = new PacedAudioSource(time -> {
            if (stamps.size() == 4) {
                try {
                    Thread.sleep(300); // the stimulus: a producer stalled for 30 frames
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return tone.nextFrame(time);
        }, source, "stalling").start()) {
            assertTrue(tenAfterTheStall.await(10, TimeUnit.SECONDS));
            assertTrue(paced.framesSkipped() > PacedAudioSource.MAX_CATCH_UP_FRAMES, "skipped " + paced.framesSkipped());
            long gap = stamps.get(5) - stamps.get(4);
            assertEquals(10_000_000L * (1 + paced.framesSkipped()), gap, "the skipped frames leave a gap in time");
            for (int i = 6; i < 15; i++) {
                assertEquals(10_000_000L, stamps.get(i) - stamps.get(i - 1), "back to 10 ms steps at " + i);
            }
        }
    }

    @Test
    void startTwiceOrAfterCloseIsAnError_closeBeforeStartIsFine() {
        AudioTrackSource source = new AudioTrackSource();
        PacedAudioSource unstarted = new PacedAudioSource(new ToneGenerator(440, 0.5, 8000, 1), source);
        unstarted.close();
        assertThrows(IllegalStateException.class, unstarted::start);
        try (PacedAudioSource paced = new PacedAudioSource(new ToneGenerator(440, 0.5, 8000, 1), source)) {
            paced.start();
            assertThrows(IllegalStateException.class, paced::start);
        }
    }
}
