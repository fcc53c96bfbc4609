package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The step controller alone, then in a loop with the estimator and a synthetic receiver whose two
 * paths have known delays (the audio path reaching a new delay at the jitter buffer's pace).
 */
class SyncDelayControllerTest {
    private static final long MS = 1_000_000L;

    @Test
    void videoLate_audioWaits_inSteps_ofAtMostTheMaximum() {
        SyncDelayController controller = new SyncDelayController();
        assertTrue(controller.update(200 * MS));
        assertEquals(80 * MS, controller.audioExtraNanos());
        assertEquals(0, controller.videoExtraNanos());
        assertTrue(controller.update(120 * MS));
        assertEquals(160 * MS, controller.audioExtraNanos());
        assertTrue(controller.update(40 * MS));
        assertEquals(200 * MS, controller.audioExtraNanos());
    }

    @Test
    void withinTheDeadband_nothingChanges() {
        SyncDelayController controller = new SyncDelayController();
        assertFalse(controller.update(SyncDelayController.DEADBAND_NANOS));
        assertFalse(controller.update(-SyncDelayController.DEADBAND_NANOS));
        assertEquals(0, controller.audioExtraNanos() + controller.videoExtraNanos());
    }

    @Test
    void theStreamThatWaits_givesItsDelayBackFirst_beforeTheOtherWaits() {
        SyncDelayController controller = new SyncDelayController();
        controller.update(60 * MS); // audio waits 60
        assertTrue(controller.update(-100 * MS)); // now video is late by 100: audio gives back first
        assertEquals(0, controller.audioExtraNanos());
        assertEquals(0, controller.videoExtraNanos());
        assertTrue(controller.update(-40 * MS));
        assertEquals(0, controller.audioExtraNanos());
        assertEquals(40 * MS, controller.videoExtraNanos());
    }

    @Test
    void delaysAreCapped_andReleasedInSteps() {
        SyncDelayController controller = new SyncDelayController();
        for (int i = 0; i < 30; i++) {
            controller.update(-5_000 * MS);
        }
        assertEquals(SyncDelayController.MAX_EXTRA_NANOS, controller.videoExtraNanos());
        long previous = controller.videoExtraNanos();
        while (controller.release()) {
            assertTrue(previous - controller.videoExtraNanos() <= SyncDelayController.MAX_STEP_NANOS);
            previous = controller.videoExtraNanos();
        }
        assertEquals(0, controller.videoExtraNanos());
    }

    /** A receiver: capture-to-playout delays of both paths, the audio one following its target at 200 ms/s. */
    private static final class Receiver {
        long audioPath;
        long videoPath;
        long audioExtra;
        long audioTarget;
        long videoExtra;

        /** 100 ms pass: the jitter buffer's pace moves audio 10 ms per 50 ms towards its target. */
        void tick() {
            long move = Math.max(-20 * MS, Math.min(20 * MS, audioTarget - audioExtra));
            audioExtra += move;
        }

        long videoLater(Random noise) {
            return videoPath + videoExtra - (audioPath + audioExtra) + (long) (noise.nextGaussian() * 5 * MS);
        }
    }

    /** Runs the loop for {@code seconds}; returns the largest change of either delay in one step. */
    private static long run(Receiver receiver, RelativeDelayEstimator estimator, SyncDelayController controller,
                            long[] clock, int seconds, Random noise) {
        long largestStep = 0;
        for (int i = 0; i < seconds * 10; i++) {
            clock[0] += 100 * MS;
            receiver.tick();
            estimator.add(receiver.videoLater(noise), clock[0]);
            var estimate = estimator.estimate(clock[0]);
            if (estimate.isPresent()) {
                long audio = controller.audioExtraNanos();
                long video = controller.videoExtraNanos();
                controller.update(estimate.getAsLong());
                largestStep = Math.max(largestStep, Math.max(Math.abs(controller.audioExtraNanos() - audio),
                        Math.abs(controller.videoExtraNanos() - video)));
                receiver.audioTarget = controller.audioExtraNanos();
                receiver.videoExtra = controller.videoExtraNanos();
                estimator.restart(clock[0]);
            }
        }
        return largestStep;
    }

    @Test
    void inALoop_theOffsetEndsWithinTheDeadband_andIsUndoneWhenThePathsChange() {
        Random noise = new Random(3);
        long[] clock = {0};
        Receiver receiver = new Receiver();
        receiver.audioPath = 60 * MS;
        receiver.videoPath = 260 * MS; // a slow decoder: video 200 ms behind
        RelativeDelayEstimator estimator = new RelativeDelayEstimator(clock[0]);
        SyncDelayController controller = new SyncDelayController();

        long step = run(receiver, estimator, controller, clock, 10, noise);
        long offset = receiver.videoPath + receiver.videoExtra - receiver.audioPath - receiver.audioExtra;
        assertTrue(Math.abs(offset) <= 20 * MS, "in sync after 10 s: " + offset / MS + " ms");
        assertEquals(200, controller.audioExtraNanos() / MS, 20);
        assertEquals(0, controller.videoExtraNanos());
        assertTrue(step <= SyncDelayController.MAX_STEP_NANOS, "steps " + step / MS + " ms");

        receiver.videoPath = 20 * MS; // the decoder got fast: now video would run 40 ms ahead
        run(receiver, estimator, controller, clock, 15, noise);
        offset = receiver.videoPath + receiver.videoExtra - receiver.audioPath - receiver.audioExtra;
        assertTrue(Math.abs(offset) <= 20 * MS, "in sync again: " + offset / MS + " ms");
        assertEquals(0, controller.audioExtraNanos(), "audio's delay given back entirely");
        assertEquals(40, controller.videoExtraNanos() / MS, 20);
    }
}
