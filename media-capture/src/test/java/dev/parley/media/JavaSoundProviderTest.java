package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.MediaStreamTrackListener;
import dev.parley.rtc.MediaStreamTrackState;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.media.ToneDetector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The microphone and speaker code above javax.sound, on a {@link ScriptedSoundSystem}: framing,
 * resampling, and devices that fail mid-stream. The real-device proof is PulseAudioDevicesTest.
 */
class JavaSoundProviderTest {
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
    void listsInputAndOutputOfOneCardInOneGroupWithStableIds() {
        List<MediaDeviceInfo> listed = new JavaSoundProvider(new ScriptedSoundSystem(48_000, 1000)).devices();
        assertEquals(2, listed.size());
        assertEquals(MediaDeviceKind.AUDIO_INPUT, listed.get(0).kind());
        assertEquals(MediaDeviceKind.AUDIO_OUTPUT, listed.get(1).kind());
        assertEquals(listed.get(0).groupId(), listed.get(1).groupId());
        assertEquals(listed, new JavaSoundProvider(new ScriptedSoundSystem(48_000, 1000)).devices());
    }

    @Test
    void aMicrophoneAt44100IsResampledTo48kHzTenMillisecondFrames() {
        devices = new MediaDevices(List.of(new JavaSoundProvider(new ScriptedSoundSystem(44_100, 1000))), OPTIONS);
        MediaStreamTrack track = microphone();
        ToneDetector detector = new ToneDetector(48_000);
        AtomicReference<AudioFrame> bad = new AtomicReference<>();
        AtomicLong frames = new AtomicLong();
        track.addAudioSink(frame -> {
            if (frame.sampleRate() != 48_000 || frame.samplesPerChannel() != 480) {
                bad.set(frame);
            }
            detector.add(frame);
            frames.incrementAndGet();
        });
        Await.until(WAIT, "30 frames", () -> frames.get() >= 30);
        assertEquals(null, bad.get());
        assertTrue(detector.dominantAt(1000, 10), "dominant " + detector.dominantFrequency());
        assertEquals(48_000, devices.getSettings(track).orElseThrow().sampleRate());
    }

    @Test
    void aMicrophoneThatThrowsMidStreamEndsItsTrackWhileTheOthersKeepRunning() throws Exception {
        assertUnplugEndsTrack(ScriptedSoundSystem.Failure.THROW);
    }

    @Test
    void aMicrophoneWhoseReadComesBackEmptyEndsItsTrack() throws Exception {
        assertUnplugEndsTrack(ScriptedSoundSystem.Failure.SHORT_READ);
    }

    @Test
    void aMicrophoneWedgedInsideItsDriverEndsItsTrackThroughTheStallWatch() throws Exception {
        assertUnplugEndsTrack(ScriptedSoundSystem.Failure.HANG);
    }

    @Test
    void aSpeakerPlaysTheTrackWithASmallReportedLatency() throws Exception {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound)), OPTIONS);
        AudioOutput speaker = Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        try (PacedAudioSource tone = new PacedAudioSource(new ToneGenerator(600, 0.5, 16_000, 1), source).start()) {
            speaker.play(track);
            Await.until(WAIT, "half a second played", () -> {
                synchronized (sound.played) {
                    return sound.played.size() >= 48_000;
                }
            });
            long latency = speaker.latencyNanos();
            assertTrue(latency <= Duration.ofMillis(10L * SpeakerOutput.QUEUE_FRAMES + SpeakerOutput.LINE_BUFFER_MILLIS).toNanos(),
                    "latency " + latency / 1e6 + " ms");
        } finally {
            speaker.close();
            source.close();
        }
        ToneDetector detector = new ToneDetector(48_000);
        byte[] bytes;
        synchronized (sound.played) {
            bytes = sound.played.toByteArray();
        }
        ByteBuffer pcm = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (pcm.remaining() >= 2) {
            detector.add(pcm.getShort() / 32767.0);
        }
        assertEquals(1, sound.playbackChannels);
        assertTrue(detector.dominantAt(600, 10), "16 kHz track resampled and played: " + detector.dominantFrequency());
    }

    @Test
    void aSpeakerLineThatStopsTakingAudioIsOpenedAgainAndPlaysOn() {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        sound.stallingLines.set(1);
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound)), OPTIONS);
        SpeakerOutput speaker = (SpeakerOutput) Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        try (PacedAudioSource tone = new PacedAudioSource(new ToneGenerator(600, 0.5, 48_000, 1), source).start()) {
            speaker.play(track);
            // a second of nothing taken, then a new line that takes the tone: half a second of it
            Await.until(WAIT, () -> "playing on a new line: " + speaker, () -> {
                synchronized (sound.played) {
                    return sound.played.size() >= 48_000;
                }
            });
            assertEquals(1, speaker.reopened());
            assertEquals(2, sound.playbackLinesOpened.get());
            assertTrue(!speaker.whenEnded().isDone(), speaker.toString());
        } finally {
            speaker.close();
            source.close();
        }
    }

    @Test
    void aSpeakerWhoseLinesAllStopTakingAudioEndsWithNotReadableError() {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        sound.stallingLines.set(Integer.MAX_VALUE);
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound)), OPTIONS);
        SpeakerOutput speaker = (SpeakerOutput) Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        try (PacedAudioSource tone = new PacedAudioSource(new ToneGenerator(600, 0.5, 48_000, 1), source).start()) {
            speaker.play(track);
            long stalls = SpeakerOutput.REOPENS_BEFORE_FAILING + 1;
            MediaDeviceException failure = Await.failure(speaker.whenEnded(),
                    Duration.ofMillis(stalls * SpeakerOutput.STALL_MILLIS + 2000));
            assertEquals(MediaDeviceException.NOT_READABLE, failure.name());
            assertTrue(failure.getMessage().contains("stopped playing"), failure.getMessage());
            assertEquals(SpeakerOutput.REOPENS_BEFORE_FAILING, speaker.reopened());
        } finally {
            speaker.close();
            source.close();
        }
    }

    @Test
    void aSpeakerUnpluggedWhilePlayingSaysSoAndTheTrackPlaysOnElsewhere() {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound)), OPTIONS);
        AudioOutput speaker = Await.done(devices.openOutput(null), WAIT);
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        try (PacedAudioSource tone = new PacedAudioSource(new ToneGenerator(600, 0.5, 48_000, 1), source).start()) {
            speaker.play(track);
            Await.until(WAIT, "playing", () -> {
                synchronized (sound.played) {
                    return sound.played.size() > 0;
                }
            });
            sound.playbackBroken = true;
            MediaDeviceException failure = Await.failure(speaker.whenEnded(), Duration.ofSeconds(2));
            assertEquals(MediaDeviceException.NOT_READABLE, failure.name());
            AtomicLong frames = new AtomicLong();
            track.addAudioSink(frame -> frames.incrementAndGet());
            Await.until(WAIT, "the track still live for another sink", () -> frames.get() > 5);
        } finally {
            speaker.close();
            source.close();
        }
    }

    @Test
    void levelMeterReportsRmsAndPeakInDbfs() {
        AudioLevelMeter meter = new AudioLevelMeter();
        assertTrue(Double.isNaN(meter.peakDbfs()));
        meter.onFrame(new ToneGenerator(1000, 0.5, 48_000, 1).nextFrame(0));
        assertEquals(-6.02, meter.peakDbfs(), 0.05);
        assertEquals(-9.03, meter.rmsDbfs(), 0.05, "a sine's RMS is 3 dB under its peak");
        meter.onFrame(AudioFrame.silence(48_000, 1, 480, 0));
        assertEquals(Double.NEGATIVE_INFINITY, meter.peakDbfs());
    }

    private void assertUnplugEndsTrack(ScriptedSoundSystem.Failure failure) throws Exception {
        ScriptedSoundSystem sound = new ScriptedSoundSystem(48_000, 1000);
        sound.failure = failure;
        sound.readsBeforeFailure.set(20);
        devices = new MediaDevices(List.of(new JavaSoundProvider(sound), new SyntheticAudioProvider(440, List.of())),
                OPTIONS);
        MediaStreamTrack track = microphone();
        MediaDeviceInfo tone = Await.done(devices.enumerateDevices(), WAIT).stream()
                .filter(d -> d.label().contains("synthetic")).findFirst().orElseThrow();
        MediaStreamTrack other = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(tone.deviceId())).build())
                .build()), WAIT).getAudioTracks().get(0);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicLong failedAt = new AtomicLong();
        track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack t) {
                ended.countDown();
            }
        });
        AtomicLong otherFrames = new AtomicLong();
        other.addAudioSink(frame -> otherFrames.incrementAndGet());
        Await.until(WAIT, "the device fails", () -> {
            if (sound.reads.get() > 20 && failedAt.get() == 0) {
                failedAt.set(System.nanoTime());
            }
            return failedAt.get() != 0;
        });
        Await.until(Duration.ofSeconds(2), "ended within 2 s of the failure", () -> ended.getCount() == 0);
        assertEquals(MediaStreamTrackState.ENDED, track.readyState());
        Await.until(WAIT, "the line closed", () -> sound.captureClosed.getCount() == 0);
        long before = otherFrames.get();
        Await.until(WAIT, "the other microphone still delivers", () -> otherFrames.get() > before + 10);
        assertEquals(MediaStreamTrackState.LIVE, other.readyState());
    }

    /** A microphone without audio processing: these tests look at the device path's own samples. */
    private MediaStreamTrack microphone() {
        return Await.done(devices.getUserMedia(MediaStreamConstraints.builder().audio(MediaTrackConstraints.builder()
                .echoCancellation(false).noiseSuppression(false).autoGainControl(false).build()).build()), WAIT)
                .getAudioTracks().get(0);
    }
}
