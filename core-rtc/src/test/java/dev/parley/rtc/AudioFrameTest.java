package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AudioFrameTest {

    @Test
    void ownsItsSamples_copiesInAndOut() {
        short[] samples = {1, 2, 3, 4};
        AudioFrame frame = new AudioFrame(samples, 8000, 2, 42);
        samples[0] = 99;
        assertEquals(1, frame.sample(0));
        short[] out = frame.samples();
        out[1] = 99;
        assertEquals(2, frame.sample(1));
        assertArrayEquals(new short[] {1, 2, 3, 4}, frame.samples());
    }

    @Test
    void reportsItsShape() {
        AudioFrame frame = new AudioFrame(new short[960], 48000, 2, 7);
        assertEquals(480, frame.samplesPerChannel());
        assertEquals(960, frame.sampleCount());
        assertEquals(48000, frame.sampleRate());
        assertEquals(2, frame.channels());
        assertEquals(7, frame.captureTimeNanos());
        assertEquals(10_000_000L, frame.durationNanos());
    }

    @Test
    void sampleByTimeAndChannelReadsInterleavedOrder() {
        AudioFrame frame = new AudioFrame(new short[] {10, -10, 20, -20, 30, -30}, 8000, 2, 0);
        assertEquals(20, frame.sample(1, 0));
        assertEquals(-30, frame.sample(2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> frame.sample(0, 2));
    }

    @Test
    void rejectsBadShapesWithMessagesThatSayWhy() {
        assertMessage("samples must not be null", () -> new AudioFrame(null, 8000, 1, 0));
        assertMessage("sampleRate must be 1..768000 Hz, got 0", () -> new AudioFrame(new short[2], 0, 1, 0));
        assertMessage("sampleRate must be 1..768000 Hz, got 800000",
                () -> new AudioFrame(new short[2], 800_000, 1, 0));
        assertMessage("channels must be 1..255, got 0", () -> new AudioFrame(new short[2], 8000, 0, 0));
        assertMessage("sample count 3 is not a multiple of the channel count 2",
                () -> new AudioFrame(new short[3], 8000, 2, 0));
        assertMessage("samplesPerChannel must not be negative, got -1", () -> AudioFrame.silence(8000, 1, -1, 0));
    }

    @Test
    void silenceAndSilencedKeepTheShape() {
        AudioFrame silence = AudioFrame.silence(16000, 2, 160, 5);
        assertEquals(160, silence.samplesPerChannel());
        assertEquals(2, silence.channels());
        assertArrayEquals(new short[320], silence.samples());

        AudioFrame loud = new AudioFrame(new short[] {1000, -1000, 500, 7}, 44100, 1, 9);
        AudioFrame quiet = loud.silenced();
        assertEquals(44100, quiet.sampleRate());
        assertEquals(1, quiet.channels());
        assertEquals(9, quiet.captureTimeNanos());
        assertArrayEquals(new short[4], quiet.samples());
        assertEquals(AudioFrame.VoiceActivity.INACTIVE, quiet.voiceActivity(), "a muted track holds no speech");
    }

    @Test
    void voiceActivityIsUnknownUnlessSaidAndTravelsWithTheSamples() {
        AudioFrame plain = new AudioFrame(new short[] {1, 2}, 48000, 1, 3);
        assertEquals(AudioFrame.VoiceActivity.UNKNOWN, plain.voiceActivity());
        assertEquals(AudioFrame.VoiceActivity.UNKNOWN, AudioFrame.silence(48000, 1, 480, 0).voiceActivity());

        AudioFrame speech = plain.withVoiceActivity(AudioFrame.VoiceActivity.ACTIVE);
        assertEquals(AudioFrame.VoiceActivity.ACTIVE, speech.voiceActivity());
        assertArrayEquals(plain.samples(), speech.samples());
        assertEquals(plain.captureTimeNanos(), speech.captureTimeNanos());
        assertNotEquals(plain, speech, "what the detector found is part of the frame");
        assertEquals(speech, new AudioFrame(new short[] {1, 2}, 48000, 1, 3, AudioFrame.VoiceActivity.ACTIVE));
        assertMessage("voiceActivity must not be null", () -> plain.withVoiceActivity(null));
    }

    @Test
    void equalityIsByContent() {
        AudioFrame a = new AudioFrame(new short[] {1, 2}, 8000, 1, 3);
        assertEquals(a, new AudioFrame(new short[] {1, 2}, 8000, 1, 3));
        assertEquals(a.hashCode(), new AudioFrame(new short[] {1, 2}, 8000, 1, 3).hashCode());
        assertNotEquals(a, new AudioFrame(new short[] {1, 3}, 8000, 1, 3));
        assertNotEquals(a, new AudioFrame(new short[] {1, 2}, 16000, 1, 3));
    }

    private static void assertMessage(String expectedStart, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
