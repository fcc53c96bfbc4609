package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.processing.AudioProcessingConfig;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.PacedAudioSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio processing wired into the devices, on a {@link ScriptedSoundSystem}: what speakers
 * hand the echo reference, which microphones process and report, and the measured delay. The
 * real-device proof is PulseAudioEchoTest.
 */
class AudioProcessingDevicesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final MediaDevicesOptions OPTIONS = ScriptedSoundSystem.QUICK_OPTIONS;
    private MediaDevices devices;

    @AfterEach
    void close() {
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void aSpeakerHandsTheReferenceWhatItWritesMixedToMonoWithItsDelayAndTheSilenceWhenIdle() throws Exception {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        sound.playbackFill = 0.1; // 4 ms of the 40 ms line: room for silence while idle
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound)), OPTIONS);
        AtomicInteger loud = new AtomicInteger();
        AtomicInteger silent = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger afterTrack = new AtomicInteger();
        AtomicReference<Boolean> stopped = new AtomicReference<>(false);
        devices.echoReference().subscribe((far, offset) -> {
            int largest = 0;
            for (int i = 0; i < 480; i++) {
                largest = Math.max(largest, Math.abs(far[offset + i]));
            }
            if (largest == 0) {
                silent.incrementAndGet();
                if (stopped.get()) {
                    afterTrack.incrementAndGet();
                }
            } else {
                loud.incrementAndGet();
                peak.accumulateAndGet(largest, Math::max);
            }
        });
        AudioOutput speaker = Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("left only");
        PacedAudioSource playing = new PacedAudioSource(AudioProcessingDevicesTest::leftToneRightSilent, source,
                "left-tone").start();
        try {
            speaker.play(track);
            Await.until(WAIT, () -> "30 loud frames in the reference, got " + loud.get(), () -> loud.get() >= 30);
            assertEquals(2, sound.playbackChannels, "the line plays stereo");
            assertEquals(8000, peak.get(), 40, "the mean of a 16000 left and a silent right");
            assertEquals(4.0, devices.echoReference().renderDelayNanos() / 1e6, 0.5,
                    "what the line held ahead of the frame: 10% of 40 ms");
            playing.close();
            stopped.set(true);
            Await.until(WAIT, () -> "20 silent frames after the track stopped, got " + afterTrack.get(),
                    () -> afterTrack.get() >= 20);
        } finally {
            playing.close();
            speaker.close();
            source.close();
        }
    }

    @Test
    void aMicrophoneProcessesByDefaultHearsItsDevicesSpeakersAndReportsTheDelay() {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        sound.playbackFill = 0.5; // 20 ms ahead of each frame written
        sound.captureBacklogBytes = 4800; // 50 ms at 48 kHz mono, plus the 10 ms block read
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound)), OPTIONS);
        MediaStreamTrack microphone = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().audio().build()),
                WAIT).getAudioTracks().get(0);
        MediaTrackSettings settings = devices.getSettings(microphone).orElseThrow();
        assertEquals(List.of(true, true, true), List.of(settings.echoCancellation(), settings.noiseSuppression(),
                settings.autoGainControl()), "on by default, as in browsers");
        Await.until(WAIT, "the microphone subscribed", () -> devices.echoReference().subscriberCount() == 1);
        assertTrue(devices.echoPathDelay(microphone).isEmpty(), "no speaker plays yet");

        AudioOutput speaker = Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        try (PacedAudioSource playing = new PacedAudioSource(AudioProcessingDevicesTest::leftToneRightSilent, source,
                "left-tone").start()) {
            speaker.play(source.createTrack("far end"));
            Await.until(WAIT, "a delay measured", () -> devices.echoPathDelay(microphone).isPresent());
            EchoPathDelay delay = devices.echoPathDelay(microphone).orElseThrow();
            assertEquals(20, delay.renderMillis(), 0.5, delay.toString());
            assertEquals(60, delay.captureMillis(), 0.5, delay.toString());
            assertTrue(devices.audioProcessingStats(microphone).isPresent(), "the processing's figures");
            assertTrue(devices.audioProcessingStats(source.createTrack("not a device's")).isEmpty());
        } finally {
            speaker.close();
            source.close();
        }
        microphone.stop();
        Await.until(WAIT, "a stopped microphone leaves the echo reference",
                () -> devices.echoReference().subscriberCount() == 0);
    }

    @Test
    void applyConstraintsSwitchesStagesAndTheSettingsSaySo() {
        devices = new MediaDevices(List.of(new JavaSoundProvider(new ScriptedSoundSystem(48_000, 1000))), OPTIONS);
        MediaStreamTrack microphone = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().noiseSuppression(false).build()).build()), WAIT)
                .getAudioTracks().get(0);
        assertEquals(new AudioProcessingConfig(true, false, true), stages(microphone));

        Await.done(devices.applyConstraints(microphone, MediaTrackConstraints.builder().echoCancellation(false)
                .autoGainControl(false).build()), WAIT);
        assertEquals(new AudioProcessingConfig(false, true, false), stages(microphone),
                "the new constraints replace the old: noiseSuppression back to its default");
        AtomicInteger frames = new AtomicInteger();
        microphone.addAudioSink(frame -> frames.incrementAndGet());
        Await.until(WAIT, "frames still flow", () -> frames.get() > 5);

        MediaDeviceException refused = Await.failure(devices.applyConstraints(microphone, MediaTrackConstraints
                .builder().echoCancellation(true).sampleRate(ConstrainNumber.exact(16_000)).build()), WAIT);
        assertEquals(MediaDeviceException.OVERCONSTRAINED, refused.name());
        assertEquals(new AudioProcessingConfig(false, true, false), stages(microphone), "refused: nothing changed");
    }

    @Test
    void aFileMicrophoneIsProcessedOnlyOnceAStageIsAskedFor(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stereo.wav");
        writeStereo(file, (short) 4000, (short) -4000);
        devices = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of(file))), OPTIONS);
        MediaDeviceInfo fileMic = Await.done(devices.enumerateDevices(), WAIT).get(1);
        MediaStreamTrack track = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(fileMic.deviceId())).build())
                .build()), WAIT).getAudioTracks().get(0);
        AtomicReference<AudioFrame> last = new AtomicReference<>();
        track.addAudioSink(last::set);
        Await.until(WAIT, "a frame", () -> last.get() != null);
        assertEquals(4000, last.get().sample(0), "untouched: the left channel as recorded");
        assertEquals(-4000, last.get().sample(1));
        assertEquals(AudioFrame.VoiceActivity.UNKNOWN, last.get().voiceActivity(), "nothing looked");
        assertEquals(AudioProcessingConfig.NONE, stages(track));
        assertEquals(0, devices.echoReference().subscriberCount());

        Await.done(devices.applyConstraints(track, MediaTrackConstraints.builder().noiseSuppression(true).build()), WAIT);
        assertEquals(new AudioProcessingConfig(false, true, false), stages(track));
        last.set(null);
        Await.until(WAIT, "a processed frame: the mono mix in both channels", () -> {
            AudioFrame now = last.get();
            return now != null && now.sample(0) == 0 && now.sample(1) == 0;
        });
        assertEquals(1, devices.echoReference().subscriberCount());
    }

    @Test
    void theLevelMeterTellsTheVoiceActivityTheFrameCarries() {
        AudioLevelMeter meter = new AudioLevelMeter();
        assertEquals(AudioFrame.VoiceActivity.UNKNOWN, meter.voiceActivity(), "before any frame");
        AudioFrame frame = AudioFrame.silence(48_000, 1, 480, 0);
        meter.onFrame(frame.withVoiceActivity(AudioFrame.VoiceActivity.ACTIVE));
        assertEquals(AudioFrame.VoiceActivity.ACTIVE, meter.voiceActivity());
        meter.onFrame(frame.withVoiceActivity(AudioFrame.VoiceActivity.INACTIVE));
        assertEquals(AudioFrame.VoiceActivity.INACTIVE, meter.voiceActivity());
    }

    private AudioProcessingConfig stages(MediaStreamTrack track) {
        MediaTrackSettings settings = devices.getSettings(track).orElseThrow();
        return new AudioProcessingConfig(settings.echoCancellation(), settings.noiseSuppression(),
                settings.autoGainControl());
    }

    /** 10 ms of stereo at 48 kHz: a 1 kHz tone at half scale on the left, silence on the right. */
    private static AudioFrame leftToneRightSilent(long captureTimeNanos) {
        short[] samples = new short[960];
        for (int i = 0; i < 480; i++) {
            samples[2 * i] = (short) Math.round(16_000 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
        }
        return new AudioFrame(samples, 48_000, 2, captureTimeNanos);
    }

    private static void writeStereo(Path file, short left, short right) throws IOException {
        int instants = 48_000;
        ByteBuffer pcm = ByteBuffer.allocate(instants * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < instants; i++) {
            pcm.putShort(left).putShort(right);
        }
        AudioFormat format = new AudioFormat(48_000, 16, 2, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, instants)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
