package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.media.ToneDetector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microphones and speakers on real audio devices: a PulseAudio null sink as the speaker and its
 * monitor as the microphone, reached through javax.sound and ALSA's pulse plugin. What Parley
 * plays comes back through the microphone.
 */
class PulseAudioDevicesTest {
    @RegisterExtension
    static final PulseAudio PULSE = new PulseAudio();
    /** PulseAudio's first captured frame takes about 2 s. */
    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * These tests prove the device path itself: what is played comes back as it was. With the
     * audio processing on, the echo canceller would remove the very tone they listen for (it is
     * the speaker's own sound) — that is PulseAudioEchoTest's subject.
     */
    private static final MediaStreamConstraints UNPROCESSED = MediaStreamConstraints.builder()
            .audio(MediaTrackConstraints.builder().echoCancellation(false).noiseSuppression(false)
                    .autoGainControl(false).build()).build();
    private MediaDevices devices;

    @BeforeEach
    void open() {
        devices = new MediaDevices(List.of(new JavaSoundProvider()), MediaDevicesOptions.DEFAULTS);
    }

    @AfterEach
    void close() {
        devices.close();
    }

    @Test
    void enumerateDevicesListsTheMicrophoneAndTheSpeaker() {
        List<MediaDeviceInfo> listed = Await.done(devices.enumerateDevices(), WAIT);
        assertTrue(listed.stream().anyMatch(d -> d.kind() == MediaDeviceKind.AUDIO_INPUT), listed.toString());
        assertTrue(listed.stream().anyMatch(d -> d.kind() == MediaDeviceKind.AUDIO_OUTPUT), listed.toString());
        assertEquals(listed, Await.done(devices.enumerateDevices(), WAIT), "the same ids every time");
    }

    @Test
    void aToneParleyPlaysOnTheSpeakerComesBackThroughTheMicrophone() throws Exception {
        MediaStreamTrack microphone = Await.done(devices.getUserMedia(UNPROCESSED),
                WAIT).getAudioTracks().get(0);
        ToneDetector detector = new ToneDetector(48_000, 16_384);
        AtomicInteger frames = new AtomicInteger();
        AtomicInteger loudFrames = new AtomicInteger();
        AudioLevelMeter meter = AudioLevelMeter.attach(microphone);
        microphone.addAudioSink(frame -> {
            frames.incrementAndGet();
            if (loud(frame)) {
                detector.add(frame);
                loudFrames.incrementAndGet();
            }
        });
        AudioOutput speaker = Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack tone = source.createTrack("1 kHz");
        try (PacedAudioSource playing = new PacedAudioSource(new ToneGenerator(1000, 0.5, 48_000, 1), source).start()) {
            speaker.play(tone);
            // when it fails, say which end stopped: the microphone (track ended), the speaker, or the sound between
            Await.until(WAIT, () -> "0.5 s of the tone captured back; the microphone is " + microphone.readyState()
                    + " after " + frames.get() + " frames (" + loudFrames.get() + " loud, level "
                    + meter.peakDbfs() + " dBFS peak), the speaker " + describe(speaker.whenEnded()) + " (" + speaker
                    + "); PulseAudio: " + PULSE.snapshot(),
                    () -> loudFrames.get() >= 50);
            double latencyMillis = speaker.latencyNanos() / 1e6;
            System.out.printf("speaker latency %.1f ms, microphone level %.1f dBFS RMS, %.1f dBFS peak%n",
                    latencyMillis, meter.rmsDbfs(), meter.peakDbfs());
            assertTrue(latencyMillis < 200, "latency " + latencyMillis + " ms");
            assertTrue(meter.peakDbfs() > -12, "peak " + meter.peakDbfs());
        } finally {
            speaker.close();
            source.close();
        }
        double found = detector.dominantFrequency();
        assertTrue(Math.abs(found - 1000) < 5, "captured " + found + " Hz");
        assertEquals(48_000, devices.getSettings(microphone).orElseThrow().sampleRate());
    }

    private static String describe(CompletableFuture<Void> ended) {
        if (!ended.isDone()) {
            return "still playing";
        }
        try {
            ended.join();
            return "ended";
        } catch (CompletionException e) {
            return "failed: " + e.getCause();
        }
    }

    @Test
    void theSpeakerTestSoundIsHeard() {
        MediaStreamTrack microphone = Await.done(devices.getUserMedia(UNPROCESSED),
                WAIT).getAudioTracks().get(0);
        ToneDetector detector = new ToneDetector(48_000, 16_384);
        AtomicInteger loudFrames = new AtomicInteger();
        microphone.addAudioSink(frame -> {
            if (loud(frame)) {
                detector.add(frame);
                loudFrames.incrementAndGet();
            }
        });
        AudioOutput speaker = Await.done(devices.openOutput(null), WAIT);
        try {
            // long enough to outlast PulseAudio's slow first capture
            Await.done(TestSound.play(speaker, 440, Duration.ofSeconds(4)), WAIT);
        } finally {
            speaker.close();
        }
        assertTrue(loudFrames.get() >= 30, "heard " + loudFrames.get() + " loud frames");
        assertTrue(Math.abs(detector.dominantFrequency() - 440) < 5, "captured " + detector.dominantFrequency() + " Hz");
    }

    /** A frame with a peak above a tenth of full scale: the played tone, not the silence before it. */
    private static boolean loud(AudioFrame frame) {
        for (int i = 0; i < frame.sampleCount(); i++) {
            if (Math.abs(frame.sample(i)) > 3276) {
                return true;
            }
        }
        return false;
    }
}
