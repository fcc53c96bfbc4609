package dev.parley.media.processing;

import static dev.parley.media.processing.AudioProcessing.FRAME_SAMPLES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** AudioProcessing's contract: frame checks, per-stage configuration, latency, the render hand-over. */
class AudioProcessingContractTest {
    @Test
    void wrongFrameSizesAreRefusedWithTheExpectedSize() {
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.DEFAULT);
        IllegalArgumentException shortFrame = assertThrows(IllegalArgumentException.class,
                () -> processing.processCapture(new short[FRAME_SAMPLES - 1], 0));
        assertTrue(shortFrame.getMessage().contains("480"), shortFrame.getMessage());
        assertThrows(IllegalArgumentException.class, () -> processing.processCapture(new short[FRAME_SAMPLES], 1));
        assertThrows(IllegalArgumentException.class, () -> processing.processCapture(new short[FRAME_SAMPLES], -1));
        assertThrows(IllegalArgumentException.class, () -> processing.analyzeRender(new short[10], 0));
        assertThrows(IllegalArgumentException.class,
                () -> processing.analyzeRender(new short[FRAME_SAMPLES], Integer.MAX_VALUE));
        assertThrows(NullPointerException.class, () -> processing.processCapture(null, 0));
        // a frame at an offset inside a larger buffer is fine, and leaves the rest alone
        short[] buffer = new short[3 * FRAME_SAMPLES];
        java.util.Arrays.fill(buffer, (short) 7);
        new AudioProcessing(AudioProcessingConfig.NONE).processCapture(buffer, FRAME_SAMPLES);
        assertEquals(7, buffer[FRAME_SAMPLES - 1]);
        assertEquals(7, buffer[2 * FRAME_SAMPLES]);
    }

    @Test
    void everyStageOffLeavesSamplesUntouchedWithoutDelay() {
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.NONE);
        assertEquals(0, processing.addedLatencyMillis());
        float[] speech = SyntheticSpeech.generate(51, FRAME_SAMPLES * 50, -20);
        short[] frame = new short[FRAME_SAMPLES];
        for (int f = 0; f < 50; f++) {
            ProcessingRun.toShorts(speech, f * FRAME_SAMPLES, frame);
            short[] before = frame.clone();
            processing.analyzeRender(before, 0);
            processing.processCapture(frame, 0);
            assertArrayEquals(before, frame, "frame " + f);
        }
    }

    @Test
    void configChangesApplyFromTheNextFrameAndLatencyFollows() {
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.DEFAULT);
        assertEquals(4.0, processing.addedLatencyMillis(), 1e-9);
        float[] noise = ProcessingRun.whiteNoise(52, FRAME_SAMPLES * 200, -30);
        short[] frame = new short[FRAME_SAMPLES];
        for (int f = 0; f < 150; f++) {
            ProcessingRun.toShorts(noise, f * FRAME_SAMPLES, frame);
            processing.processCapture(frame, 0);
        }
        ProcessingRun.toShorts(noise, 150 * FRAME_SAMPLES, frame);
        short[] before = frame.clone();
        processing.processCapture(frame, 0);
        assertFalse(java.util.Arrays.equals(before, frame), "noise suppression changed nothing");

        processing.setConfig(AudioProcessingConfig.NONE);
        assertEquals(0, processing.addedLatencyMillis());
        ProcessingRun.toShorts(noise, 151 * FRAME_SAMPLES, frame);
        before = frame.clone();
        processing.processCapture(frame, 0);
        assertArrayEquals(before, frame, "the frame after setConfig(NONE) was changed");

        processing.setConfig(new AudioProcessingConfig(false, true, false));
        assertEquals(4.0, processing.addedLatencyMillis(), 1e-9);
        assertEquals(new AudioProcessingConfig(false, true, false), processing.config());
    }

    @Test
    void renderFramesFromAnotherThreadAreTakenAndOverflowIsCounted() throws Exception {
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.DEFAULT);
        short[] far = new short[FRAME_SAMPLES];
        for (int i = 0; i < 120; i++) {
            processing.analyzeRender(far, 0); // nobody captures: the ring keeps the newest 50
        }
        assertEquals(70, processing.stats().renderFramesDropped());

        float[] speech = SyntheticSpeech.generate(53, FRAME_SAMPLES * 400, -20);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread playout = new Thread(() -> {
            try {
                short[] frame = new short[FRAME_SAMPLES];
                for (int f = 0; f < 400; f++) {
                    ProcessingRun.toShorts(speech, f * FRAME_SAMPLES, frame);
                    processing.analyzeRender(frame, 0);
                    if (f % 8 == 0) {
                        Thread.yield();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        }, "test-playout");
        playout.start();
        short[] mic = new short[FRAME_SAMPLES];
        int processed = 0;
        while (done.getCount() > 0 || processed < 50) {
            processing.processCapture(mic, 0);
            processed++;
        }
        assertTrue(done.await(10, TimeUnit.SECONDS), "the playout thread did not finish");
        assertEquals(null, failure.get());
        assertTrue(Double.isFinite(processing.stats().erleDb()));
    }
}
