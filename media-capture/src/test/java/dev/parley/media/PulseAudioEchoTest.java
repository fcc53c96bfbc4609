package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.media.processing.AudioProcessingStats;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioSink;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.PacedAudioSource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Echo cancellation on real audio devices (issue #10): a PulseAudio null sink is the speaker and
 * its monitor the microphone, so everything played comes back as a perfect echo, delayed by the
 * sound server and the lines' buffers. The far end (a {@link SyllableTalker}) plays through
 * Parley's speaker path; two microphone tracks on the monitor capture it back, one with the
 * processing off and one with it on (the browser default). A near-end talker plays into the same
 * sink through a second {@link MediaDevices}, whose speakers are not the first one's echo
 * reference: to the first it is a person in the room.
 *
 * <p>Phases, counted in captured 10 ms frames: the far end alone for 2 s of convergence, then
 * 3 s measured (single talk); both talkers for 3 s (double talk); the near end alone for 3 s. A
 * settling time after each change keeps audio still on its way out of the measurements.
 *
 * <ul>
 *   <li>ERLE (echo return loss enhancement) = the single-talk energy with processing off over the
 *       energy with it on; the target is 25 dB.
 *   <li>Near end kept: the double-talk energy with processing on against the near end's alone,
 *       within 6 dB.
 * </ul>
 */
class PulseAudioEchoTest {
    @RegisterExtension
    static final PulseAudio PULSE = new PulseAudio();
    /** PulseAudio's first captured frame takes about 2 s. */
    private static final Duration OPEN = Duration.ofSeconds(15);
    private static final double TARGET_ERLE_DB = 25;
    private static final double NEAR_END_TOLERANCE_DB = 6;

    @Test
    void theMeasurementHearsTheEchoAndTheNearEndWithProcessingOff() throws Exception {
        EchoMeasurement m = measure();
        // the pass-through (and any processing) left aside: the unprocessed track proves the rig
        assertTrue(m.off().singleTalkDbfs() > -40, "the echo comes back loud enough to measure: " + m);
        assertTrue(m.off().singleTalkDbfs() - m.off().floorDbfs() > 20, "the echo stands above the floor: " + m);
        assertTrue(m.off().nearOnlyDbfs() > -40, "the near end comes through: " + m);
        assertTrue(m.off().doubleTalkDbfs() > m.off().nearOnlyDbfs() + 1,
                "in double talk both are heard, louder than the near end alone: " + m);
    }

    @Test
    void processingSuppressesTheEchoBy25DbAndKeepsTheNearEnd() throws Exception {
        EchoMeasurement m = measure();
        assertTrue(m.erleDb() >= TARGET_ERLE_DB, "ERLE " + m.erleDb() + " dB; " + m);
        double nearKept = m.on().doubleTalkDbfs() - m.off().nearOnlyDbfs();
        assertTrue(Math.abs(nearKept) <= NEAR_END_TOLERANCE_DB,
                "the near end in double talk, processed, against the near end alone: " + nearKept + " dB; " + m);
    }

    private EchoMeasurement measure() throws Exception {
        MediaDevices devices = new MediaDevices(List.of(new JavaSoundProvider()), MediaDevicesOptions.DEFAULTS);
        MediaDevices room = new MediaDevices(List.of(new JavaSoundProvider()), MediaDevicesOptions.DEFAULTS);
        AudioTrackSource farSource = new AudioTrackSource();
        AudioTrackSource nearSource = new AudioTrackSource();
        PacedAudioSource far = null;
        PacedAudioSource near = null;
        AudioOutput speaker = null;
        AudioOutput nearSpeaker = null;
        try {
            MediaStreamTrack off = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                    .audio(MediaTrackConstraints.builder().echoCancellation(false).noiseSuppression(false)
                            .autoGainControl(false).build()).build()), OPEN).getAudioTracks().get(0);
            MediaStreamTrack on = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().audio().build()),
                    OPEN).getAudioTracks().get(0);
            Phases phases = new Phases();
            Levels offLevels = new Levels(phases);
            Levels onLevels = new Levels(phases);
            off.addAudioSink(offLevels);
            on.addAudioSink(onLevels);
            Await.until(OPEN, "both microphones deliver", () -> offLevels.frames() > 0 && onLevels.frames() > 0);

            speaker = Await.done(devices.openOutput(null), OPEN);
            nearSpeaker = Await.done(room.openOutput(null), OPEN);
            nearSpeaker.play(nearSource.createTrack("near end"));
            phases.run(Phase.WARMUP, 50, offLevels); // a newly opened capture stream's first frames are not all quiet
            phases.run(Phase.FLOOR, 50, offLevels);

            speaker.play(farSource.createTrack("far end"));
            far = new PacedAudioSource(new SyllableTalker(1, 110, 0.5), farSource, "far-end").start();
            Await.until(OPEN, () -> "the echo comes back; " + PULSE.snapshot(), offLevels::heardSomething);
            phases.run(Phase.CONVERGENCE, 200, offLevels);
            phases.run(Phase.SINGLE_TALK, 300, offLevels);
            EchoPathDelay delay = devices.echoPathDelay(on).orElse(null); // while the far end plays

            near = new PacedAudioSource(new SyllableTalker(2, 190, 0.5), nearSource, "near-end").start();
            phases.run(Phase.SETTLING, 50, offLevels);
            phases.run(Phase.DOUBLE_TALK, 300, offLevels);

            far.close();
            phases.run(Phase.SETTLING, 50, offLevels);
            phases.run(Phase.NEAR_ONLY, 300, offLevels);

            EchoMeasurement m = new EchoMeasurement(offLevels.summary(), onLevels.summary(), delay,
                    devices.audioProcessingStats(on).orElse(null));
            System.out.println("echo measurement on PulseAudio: " + m);
            return m;
        } finally {
            if (far != null) {
                far.close();
            }
            if (near != null) {
                near.close();
            }
            if (speaker != null) {
                speaker.close();
            }
            if (nearSpeaker != null) {
                nearSpeaker.close();
            }
            farSource.close();
            nearSource.close();
            devices.close();
            room.close();
        }
    }

    private enum Phase { WARMUP, FLOOR, CONVERGENCE, SINGLE_TALK, SETTLING, DOUBLE_TALK, NEAR_ONLY }

    /** The phase now, moved on by the test thread as the reference track's frames arrive. */
    private static final class Phases {
        private volatile Phase now = Phase.WARMUP;

        /** Enters {@code phase} and waits until {@code clock} has captured {@code frames} frames in it. */
        void run(Phase phase, int frames, Levels clock) {
            long start = clock.frames();
            now = phase;
            Await.until(Duration.ofMillis(frames * 10L * 3 + 5000), () -> phase + ": " + frames + " frames captured, got "
                    + (clock.frames() - start) + "; " + PULSE.snapshot(), () -> clock.frames() - start >= frames);
        }
    }

    /** A track's energy in each phase. */
    private static final class Levels implements AudioSink {
        private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;
        private final Phases phases;
        private final double[] energy = new double[Phase.values().length];
        private final long[] samples = new long[Phase.values().length];
        private volatile long frames;
        private volatile boolean heard;

        Levels(Phases phases) {
            this.phases = phases;
        }

        @Override
        public void onFrame(AudioFrame frame) {
            int phase = phases.now.ordinal();
            double sum = 0;
            for (int i = 0; i < frame.sampleCount(); i++) {
                double s = frame.sample(i);
                sum += s * s;
                if (Math.abs(s) > 1000) {
                    heard = true;
                }
            }
            synchronized (this) {
                energy[phase] += sum;
                samples[phase] += frame.sampleCount();
            }
            frames++;
        }

        long frames() {
            return frames;
        }

        boolean heardSomething() {
            return heard;
        }

        synchronized double dbfs(Phase phase) {
            int i = phase.ordinal();
            return samples[i] == 0 ? Double.NaN : 10 * Math.log10(energy[i] / samples[i] / FULL_SCALE_SQUARED);
        }

        TrackLevels summary() {
            return new TrackLevels(dbfs(Phase.FLOOR), dbfs(Phase.SINGLE_TALK), dbfs(Phase.DOUBLE_TALK),
                    dbfs(Phase.NEAR_ONLY));
        }
    }

    /** A track's mean level in each measured phase, in dBFS (-Infinity: digital silence). */
    private record TrackLevels(double floorDbfs, double singleTalkDbfs, double doubleTalkDbfs, double nearOnlyDbfs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "floor %.1f, single talk %.1f, double talk %.1f, near only %.1f dBFS",
                    floorDbfs, singleTalkDbfs, doubleTalkDbfs, nearOnlyDbfs);
        }
    }

    private record EchoMeasurement(TrackLevels off, TrackLevels on, EchoPathDelay delay, AudioProcessingStats stats) {
        double erleDb() {
            return off.singleTalkDbfs() - on.singleTalkDbfs();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "processing off: %s; on: %s; ERLE %.1f dB; device buffers between"
                    + " playout and capture %s", off, on, erleDb(),
                    delay == null ? "not measured" : String.format(Locale.ROOT, "%.1f ms (speaker %.1f, microphone %.1f)",
                            delay.totalMillis(), delay.renderMillis(), delay.captureMillis()))
                    + "; processing " + stats;
        }
    }
}
