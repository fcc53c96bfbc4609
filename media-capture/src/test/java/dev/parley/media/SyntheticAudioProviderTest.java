package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.ToneDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file microphone: a WAV file read by javax.sound, resampled to 48 kHz and looped. */
class SyntheticAudioProviderTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private MediaDevices devices;

    @AfterEach
    void close() {
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void aStereoWavAt22050HzPlaysAt48kHzAndLoops(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("voice.wav");
        writeTone(wav, 22_050, 2, 500, 0.2); // 0.2 s: the track must loop to last longer
        devices = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of(wav))), MediaDevicesOptions.DEFAULTS);
        MediaDeviceInfo file = Await.done(devices.enumerateDevices(), WAIT).stream()
                .filter(d -> d.label().equals("Parley file microphone: voice.wav")).findFirst().orElseThrow();
        MediaStreamTrack track = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(file.deviceId())).build()).build()),
                WAIT).getAudioTracks().get(0);
        List<AudioFrame> frames = new CopyOnWriteArrayList<>();
        track.addAudioSink(frames::add);
        Await.until(WAIT, "half a second: more than the file holds", () -> frames.size() >= 50);
        ToneDetector detector = new ToneDetector(48_000);
        frames.forEach(frame -> {
            assertEquals(48_000, frame.sampleRate());
            assertEquals(2, frame.channels());
            detector.add(frame);
        });
        assertTrue(detector.dominantAt(500, 10), "dominant " + detector.dominantFrequency());
        assertEquals(2, devices.getSettings(track).orElseThrow().channelCount());
    }

    @Test
    void aFileThatIsNotAudioIsNotReadable(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.wav");
        Files.writeString(junk, "not a wav file");
        devices = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of(junk))), MediaDevicesOptions.DEFAULTS);
        MediaDeviceInfo file = Await.done(devices.enumerateDevices(), WAIT).get(1);
        MediaDeviceException failure = Await.failure(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(file.deviceId())).build()).build()),
                WAIT);
        assertEquals(MediaDeviceException.NOT_READABLE, failure.name());
    }

    private static void writeTone(Path file, int rate, int channels, double hz, double seconds) throws IOException {
        int instants = (int) (rate * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(instants * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < instants; i++) {
            short value = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                pcm.putShort(value);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, instants)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
