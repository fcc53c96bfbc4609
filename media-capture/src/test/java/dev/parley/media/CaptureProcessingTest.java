package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parley.media.processing.AudioProcessingConfig;
import dev.parley.rtc.AudioFrame;
import org.junit.jupiter.api.Test;

/** A track's processing: which stages run, channels, the echo reference and the measured delay. */
class CaptureProcessingTest {
    private static final int FRAME = 480;

    @Test
    void stagesAreOnByDefaultForAMicrophoneAndOffForASyntheticSourceAndWhatIsAskedWins() {
        MediaTrackConstraints none = MediaTrackConstraints.ANY;
        assertEquals(AudioProcessingConfig.DEFAULT, CaptureProcessing.configFor(none, true));
        assertEquals(AudioProcessingConfig.NONE, CaptureProcessing.configFor(none, false));
        MediaTrackConstraints some = MediaTrackConstraints.builder().echoCancellation(false).autoGainControl(true).build();
        assertEquals(new AudioProcessingConfig(false, true, true), CaptureProcessing.configFor(some, true));
        assertEquals(new AudioProcessingConfig(false, false, true), CaptureProcessing.configFor(some, false));
    }

    @Test
    void aStereoFrameIsProcessedAsItsMonoMixWrittenToBothChannels() {
        EchoReference echo = new EchoReference();
        // Every stage off: a microphone still processes (voice detection) and leaves the mix as it is.
        try (CaptureProcessing processing = new CaptureProcessing(echo, AudioProcessingConfig.NONE, true)) {
            short[] stereo = new short[2 * FRAME];
            for (int i = 0; i < FRAME; i++) {
                stereo[2 * i] = 1000;
                stereo[2 * i + 1] = 3000;
            }
            AudioFrame out = processing.process(new AudioFrame(stereo, 48_000, 2, 77), 0);
            assertEquals(2, out.channels());
            assertEquals(FRAME, out.samplesPerChannel());
            assertEquals(77, out.captureTimeNanos());
            for (int i = 0; i < out.sampleCount(); i++) {
                assertEquals(2000, out.sample(i), "sample " + i);
            }
            assertEquals(1, echo.subscriberCount(), "a processing microphone hears the speakers");
        }
        assertEquals(0, echo.subscriberCount(), "closed: it leaves the echo reference");
    }

    @Test
    void aSyntheticSourcePassesUntouchedUntilAStageIsAskedForAndLeavesTheReferenceWhenOffAgain() {
        EchoReference echo = new EchoReference();
        CaptureProcessing processing = new CaptureProcessing(echo, AudioProcessingConfig.NONE, false);
        AudioFrame stereo = stereoFrame();
        assertSame(stereo, processing.process(stereo, 0));
        assertEquals(0, echo.subscriberCount());

        processing.setConfig(new AudioProcessingConfig(false, true, false));
        AudioFrame processed = processing.process(stereo, 0);
        assertNotSame(stereo, processed);
        assertEquals(processed.sample(0), processed.sample(1), "mixed down: processed");
        assertEquals(1, echo.subscriberCount());

        processing.setConfig(AudioProcessingConfig.NONE);
        assertSame(stereo, processing.process(stereo, 0));
        assertEquals(0, echo.subscriberCount());
        processing.close();
    }

    @Test
    void aMicrophoneStillRunsTheProcessingWithEveryStageOffForVoiceDetection() {
        EchoReference echo = new EchoReference();
        try (CaptureProcessing processing = new CaptureProcessing(echo, AudioProcessingConfig.NONE, true)) {
            AudioFrame stereo = stereoFrame();
            assertNotSame(stereo, processing.process(stereo, 0));
            assertEquals(1, echo.subscriberCount());
        }
    }

    @Test
    void aFrameThatIsNotTenMillisecondsAt48kHzPassesThrough() {
        try (CaptureProcessing processing = new CaptureProcessing(new EchoReference(), AudioProcessingConfig.DEFAULT, true)) {
            AudioFrame at16k = AudioFrame.silence(16_000, 1, 160, 0);
            assertSame(at16k, processing.process(at16k, 0));
            AudioFrame twentyMillis = AudioFrame.silence(48_000, 1, 960, 0);
            assertSame(twentyMillis, processing.process(twentyMillis, 0));
        }
    }

    @Test
    void theDelayIsTheSpeakersPlusTheMicrophonesOnceASpeakerPlays() {
        EchoReference echo = new EchoReference();
        try (CaptureProcessing processing = new CaptureProcessing(echo, AudioProcessingConfig.DEFAULT, true)) {
            AudioFrame mono = AudioFrame.silence(48_000, 1, FRAME, 0);
            processing.process(mono, 30_000_000);
            assertNull(processing.lastDelay(), "no speaker has played: no delay to tell");
            EchoReference.Speaker speaker = echo.openSpeaker("speaker");
            speaker.publish(new short[FRAME], 20_000_000);
            processing.process(mono, 30_000_000);
            assertEquals(new EchoPathDelay(20, 30), processing.lastDelay());
            assertEquals(50, processing.lastDelay().totalMillis(), 1e-9);
            speaker.close();
        }
    }

    @Test
    void afterCloseFramesPassUntouchedAndNothingSubscribes() {
        EchoReference echo = new EchoReference();
        CaptureProcessing processing = new CaptureProcessing(echo, AudioProcessingConfig.DEFAULT, true);
        processing.close();
        AudioFrame stereo = stereoFrame();
        assertSame(stereo, processing.process(stereo, 0));
        assertEquals(0, echo.subscriberCount());
    }

    private static AudioFrame stereoFrame() {
        short[] samples = new short[2 * FRAME];
        for (int i = 0; i < FRAME; i++) {
            samples[2 * i] = 100;
            samples[2 * i + 1] = -300;
        }
        return new AudioFrame(samples, 48_000, 2, 0);
    }
}
