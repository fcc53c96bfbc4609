package dev.parley.rtc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.media.ToneDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frequency response (tone power in and out), frame-border continuity, counts and delay. */
class AudioResamplerTest {

    /** {@code count} samples of a sine, interleaved into {@code channels} identical channels. */
    private static short[] sine(int rate, double hz, double amplitude, int count, int channels, long start) {
        short[] samples = new short[count * channels];
        for (int i = 0; i < count; i++) {
            short value = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * (start + i) / rate));
            for (int c = 0; c < channels; c++) {
                samples[i * channels + c] = value;
            }
        }
        return samples;
    }

    /** Feeds 1.5 s of a tone in 10 ms frames and returns a detector holding the last ~1 s of output. */
    private static ToneDetector toneOut(int inRate, int outRate, double hz) {
        AudioResampler resampler = new AudioResampler(inRate, outRate, 1);
        ToneDetector detector = new ToneDetector(outRate, Math.min(8192, outRate));
        int perFrame = inRate / 100;
        for (int f = 0; f < 150; f++) {
            short[] input = sine(inRate, hz, 0.5, perFrame, 1, (long) f * perFrame);
            detector.add(resampler.resample(new AudioFrame(input, inRate, 1, f)));
        }
        return detector;
    }

    private static double decibels(double powerRatio) {
        return 10 * Math.log10(powerRatio);
    }

    private static final double INPUT_POWER = 0.5 * 0.5 / 2;

    @ParameterizedTest
    @CsvSource({
        "48000, 8000, 3000", "48000, 8000, 440", "44100, 8000, 3000", "16000, 48000, 1000",
        "16000, 48000, 6500", "8000, 48000, 3000", "48000, 16000, 6000", "8000, 44100, 440", "44100, 48000, 15000",
    })
    void aToneInThePassbandKeepsItsFrequencyAndLevel(int inRate, int outRate, double hz) {
        ToneDetector out = toneOut(inRate, outRate, hz);
        double gain = decibels(out.powerAt(hz) / INPUT_POWER);
        assertTrue(gain > -0.5 && gain < 0.1, "gain at " + hz + " Hz: " + gain + " dB");
        assertTrue(out.dominantAt(hz, 3), "dominant " + out.dominantFrequency());
    }

    @ParameterizedTest
    @CsvSource({"48000, 8000, 5000, 3000", "48000, 8000, 4400, 3600", "44100, 8000, 5000, 3000",
        "48000, 16000, 10000, 6000"})
    void aToneAboveTheNewNyquistIsRemovedBeforeItCanAlias(int inRate, int outRate, double hz, double alias) {
        ToneDetector out = toneOut(inRate, outRate, hz);
        double atAlias = decibels(out.powerAt(alias) / INPUT_POWER);
        double total = decibels(out.totalPower() / INPUT_POWER);
        assertTrue(atAlias < -60, hz + " Hz folded onto " + alias + " Hz at " + atAlias + " dB");
        assertTrue(total < -55, "everything left: " + total + " dB");
    }

    @Test
    void upsamplingLeavesNoImages() {
        // 1 kHz at 16 kHz has images at 15 and 17 kHz once the rate is 48 kHz.
        ToneDetector out = toneOut(16000, 48000, 1000);
        assertTrue(decibels(out.powerAt(15000) / INPUT_POWER) < -60);
        assertTrue(decibels(out.powerAt(17000) / INPUT_POWER) < -60);
        assertTrue(out.powerAt(1000) / out.totalPower() > 0.999);
    }

    @ParameterizedTest
    @CsvSource({"48000, 8000", "44100, 8000", "16000, 48000", "8000, 44100", "48000, 44100", "22050, 48000"})
    void framesOfAnySizeJoinExactlyAsIfResampledAtOnce(int inRate, int outRate) {
        int total = inRate; // one second
        short[] input = sine(inRate, 440, 0.5, total, 2, 0);
        short[] whole = new AudioResampler(inRate, outRate, 2).resample(input);

        AudioResampler streaming = new AudioResampler(inRate, outRate, 2);
        int[] chunkSizes = {1, inRate / 100, 7, 333, 0, inRate / 50, 2, 1000};
        List<Short> joined = new ArrayList<>();
        int at = 0;
        for (int k = 0; at < total; k++) {
            int size = Math.min(chunkSizes[k % chunkSizes.length], total - at);
            short[] chunk = new short[size * 2];
            System.arraycopy(input, at * 2, chunk, 0, size * 2);
            for (short s : streaming.resample(chunk)) {
                joined.add(s);
            }
            at += size;
        }
        short[] streamed = new short[joined.size()];
        for (int i = 0; i < streamed.length; i++) {
            streamed[i] = joined.get(i);
        }
        assertArrayEquals(whole, streamed, "chunk borders must leave no trace");
        assertEquals(2L * (long) Math.ceil((double) total * outRate / inRate), whole.length);
    }

    @Test
    void aSineResampledFrameByFrameHasNoClickAtTheBorders() {
        AudioResampler resampler = new AudioResampler(48000, 8000, 1);
        List<Short> out = new ArrayList<>();
        for (int f = 0; f < 50; f++) {
            for (short s : resampler.resample(sine(48000, 440, 0.5, 480, 1, f * 480L))) {
                out.add(s);
            }
        }
        // A 440 Hz sine of amplitude 16384 at 8 kHz moves at most 2π·440/8000·16384 ≈ 5662 per sample.
        double maxStep = 2 * Math.PI * 440 / 8000 * 0.5 * 32767 * 1.02;
        for (int n = 64; n < out.size(); n++) {
            assertTrue(Math.abs(out.get(n) - out.get(n - 1)) <= maxStep, "jump at " + n);
        }
    }

    @Test
    void tenMillisecondFramesGiveTenMillisecondFrames() {
        assertCounts(48000, 8000, 480, 80);
        assertCounts(44100, 8000, 441, 80);
        assertCounts(16000, 48000, 160, 480);
        assertCounts(8000, 48000, 80, 480);
        assertCounts(8000, 44100, 80, 441);
        assertCounts(48000, 44100, 480, 441);
    }

    private static void assertCounts(int inRate, int outRate, int in, int out) {
        AudioResampler resampler = new AudioResampler(inRate, outRate, 1);
        for (int f = 0; f < 20; f++) {
            AudioFrame result = resampler.resample(AudioFrame.silence(inRate, 1, in, f));
            assertEquals(out, result.samplesPerChannel(), inRate + " -> " + outRate + ", frame " + f);
            assertEquals(outRate, result.sampleRate());
            assertEquals(f, result.captureTimeNanos());
        }
    }

    @Test
    void aConstantPassesUnchangedAfterTheDelay_aStepArrivesAfterDelayNanos() {
        AudioResampler resampler = new AudioResampler(48000, 8000, 1);
        assertEquals(4_000_000L, resampler.delayNanos(), "32 samples at 8 kHz");
        short[] step = new short[4800];
        java.util.Arrays.fill(step, (short) 10000);
        short[] out = resampler.resample(step);
        // Half way up the step sits at the delay: 32 output samples.
        int crossing = 0;
        while (out[crossing] < 5000) {
            crossing++;
        }
        assertTrue(Math.abs(crossing - 32) <= 1, "step crossed half way at " + crossing);
        for (int n = 80; n < out.length; n++) {
            assertEquals(10000, out[n], 1, "sample " + n);
        }
    }

    @Test
    void channelsAreResampledIndependently() {
        AudioResampler resampler = new AudioResampler(48000, 8000, 2);
        ToneDetector left = new ToneDetector(8000);
        ToneDetector right = new ToneDetector(8000);
        for (int f = 0; f < 120; f++) {
            short[] l = sine(48000, 440, 0.5, 480, 1, f * 480L);
            short[] r = sine(48000, 1000, 0.5, 480, 1, f * 480L);
            short[] stereo = new short[960];
            for (int i = 0; i < 480; i++) {
                stereo[2 * i] = l[i];
                stereo[2 * i + 1] = r[i];
            }
            AudioFrame out = resampler.resample(new AudioFrame(stereo, 48000, 2, 0));
            for (int i = 0; i < out.samplesPerChannel(); i++) {
                left.add(out.sample(i, 0) / 32767.0);
                right.add(out.sample(i, 1) / 32767.0);
            }
        }
        assertTrue(left.dominantAt(440, 2));
        assertTrue(right.dominantAt(1000, 2));
        assertTrue(decibels(left.powerAt(1000) / INPUT_POWER) < -60, "no crosstalk");
    }

    @Test
    void ratesWithTooManyPhasesForATableStillResampleCorrectly() {
        // 44099 and 48000 share no factor: 48000 phases, too many to tabulate.
        AudioResampler resampler = new AudioResampler(44099, 48000, 1);
        ToneDetector detector = new ToneDetector(48000, 4096);
        long at = 0;
        for (int f = 0; f < 20; f++) {
            detector.add(resampler.resample(new AudioFrame(sine(44099, 1000, 0.5, 441, 1, at), 44099, 1, 0)));
            at += 441;
        }
        assertTrue(detector.dominantAt(1000, 15), "dominant " + detector.dominantFrequency());
        assertEquals(0, decibels(detector.powerAt(1000) / INPUT_POWER), 0.5);
    }

    @Test
    void equalRatesPassSamplesThrough() {
        AudioResampler resampler = new AudioResampler(16000, 16000, 1);
        short[] samples = sine(16000, 1000, 0.5, 160, 1, 0);
        assertArrayEquals(samples, resampler.resample(new AudioFrame(samples, 16000, 1, 0)).samples());
        assertEquals(0, resampler.delayNanos());
    }

    @Test
    void rejectsFramesOfAnotherFormatAndBadRates() {
        AudioResampler resampler = new AudioResampler(48000, 8000, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resampler.resample(AudioFrame.silence(44100, 1, 441, 0)));
        assertEquals("this resampler takes 48000 Hz x 1 channels, got 44100 Hz x 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resampler.resample(AudioFrame.silence(48000, 2, 480, 0)));
        assertThrows(IllegalArgumentException.class, () -> new AudioResampler(0, 8000, 1));
        assertThrows(IllegalArgumentException.class, () -> new AudioResampler(8000, 8000, 0));
    }
}
