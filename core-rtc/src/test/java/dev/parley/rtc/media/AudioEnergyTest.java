package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The counters against the W3C webrtc-stats definition and its worked example. */
class AudioEnergyTest {

    /** 10 ms at 8 kHz of alternating ±value: its RMS is value / 32767 exactly. */
    private static AudioFrame squareWave(int value) {
        short[] samples = new short[80];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i % 2 == 0 ? value : -value);
        }
        return new AudioFrame(samples, 8000, 1, 0);
    }

    @Test
    void theSpecsExample_rms05ThenRms01() {
        // webrtc-stats, totalAudioEnergy: 10 ms at RMS 0.5 adds 0.0025, 10 ms at RMS 0.1 adds 0.0001,
        // and sqrt(0.0026 / 0.02) = 0.36 is the RMS of the 20 ms.
        AudioEnergy energy = new AudioEnergy();
        energy.add(squareWave((int) Math.round(0.5 * 32767)));
        assertEquals(0.0025, energy.totalAudioEnergy(), 1e-6);
        energy.add(squareWave((int) Math.round(0.1 * 32767)));
        assertEquals(0.0026, energy.totalAudioEnergy(), 1e-6);
        assertEquals(0.02, energy.totalSamplesDuration(), 1e-12);
        assertEquals(0.36, Math.sqrt(energy.totalAudioEnergy() / energy.totalSamplesDuration()), 0.001);
        assertEquals(0.1, energy.audioLevel().getAsDouble(), 1e-4, "the level is the last frame's");
    }

    @Test
    void nothingBeforeTheFirstFrame() {
        AudioEnergy energy = new AudioEnergy();
        assertFalse(energy.audioLevel().isPresent());
        assertEquals(0, energy.totalAudioEnergy());
        assertEquals(0, energy.totalSamplesDuration());
        energy.add(AudioFrame.silence(8000, 1, 0, 0));
        assertFalse(energy.audioLevel().isPresent(), "an empty frame carries no level");
        energy.add(AudioFrame.silence(48000, 2, 480, 0));
        assertEquals(0.0, energy.audioLevel().getAsDouble());
        assertEquals(0.01, energy.totalSamplesDuration(), 1e-12);
    }

    @Test
    void fullScaleIsLevelOne_evenForMinusFullScale() {
        AudioEnergy energy = new AudioEnergy();
        short[] samples = new short[480];
        Arrays.fill(samples, Short.MIN_VALUE);
        energy.add(new AudioFrame(samples, 48000, 1, 0));
        assertEquals(1.0, energy.audioLevel().getAsDouble());
        assertEquals(0.01, energy.totalAudioEnergy(), 1e-12);
    }

    @Test
    void withSeveralChannelsEachInstantCountsItsLoudestChannelOnce() {
        AudioEnergy energy = new AudioEnergy();
        short[] stereo = new short[160]; // 80 instants at 8 kHz; the loud channel alternates
        for (int i = 0; i < 80; i++) {
            stereo[2 * i + (i % 2)] = 16384;
        }
        energy.add(new AudioFrame(stereo, 8000, 2, 0));
        double level = 16384 / 32767.0;
        assertEquals(level * level * 0.01, energy.totalAudioEnergy(), 1e-9);
        assertEquals(0.01, energy.totalSamplesDuration(), 1e-12, "80 stereo instants are 10 ms, not 20");
        assertEquals(level, energy.audioLevel().getAsDouble(), 1e-9);
    }

    @Test
    void aSineOfAmplitudeAHasLevelAOverRootTwo_countedThroughATrack() {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        AudioEnergy energy = new AudioEnergy();
        track.addAudioSink(energy);
        ToneGenerator tone = new ToneGenerator(1000, 0.8, 48000, 1);
        for (int i = 0; i < 100; i++) {
            source.push(tone.nextFrame(0));
        }
        assertEquals(1.0, energy.totalSamplesDuration(), 1e-9);
        assertEquals(0.8 / Math.sqrt(2), energy.audioLevel().getAsDouble(), 1e-3);
        assertEquals(0.32, energy.totalAudioEnergy(), 1e-3, "(0.8²/2) × 1 s");
    }
}
