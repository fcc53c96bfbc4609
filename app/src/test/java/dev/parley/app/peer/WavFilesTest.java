package dev.parley.app.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.media.ToneGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the peer records plays back as its microphone, sample for sample, looping at the end. */
class WavFilesTest {
    @TempDir
    Path dir;

    @Test
    void recordedFramesPlayBackExactlyAndLoop() throws IOException {
        ToneGenerator tone = new ToneGenerator(550, 0.5, 16_000, 2);
        List<AudioFrame> written = new ArrayList<>();
        Path file = dir.resolve("tone.wav");
        try (WavWriter writer = new WavWriter(file)) {
            for (int i = 0; i < 30; i++) {
                AudioFrame f = tone.nextFrame(i);
                written.add(f);
                writer.onFrame(f);
            }
        }
        assertEquals(44 + 30 * 160 * 2 * 2, Files.size(file));
        WavFileSource source = new WavFileSource(file);
        assertEquals(16_000, source.sampleRate());
        for (int round = 0; round < 2; round++) {
            for (AudioFrame expected : written) {
                AudioFrame read = source.nextFrame(0);
                assertEquals(2, read.channels());
                assertArrayEquals(expected.samples(), read.samples());
            }
        }
    }

    @Test
    void notAWavFileIsRefusedWithAClearError() throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio");
        IOException e = assertThrows(IOException.class, () -> new WavFileSource(text));
        assertEquals(true, e.getMessage().contains("not a WAV file"), e.getMessage());
    }
}
