package dev.parley.media;

import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.ToneGenerator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The speaker test of a settings page: a tone played on an {@link AudioOutput} for a while, made
 * of core-rtc's {@link ToneGenerator} paced in real time into a track the output plays.
 */
public final class TestSound {
    private TestSound() {}

    /**
     * Plays {@code hz} at a quarter of full scale on {@code output} for {@code length}; the
     * result completes when it has been handed to the device.
     */
    public static CompletableFuture<Void> play(AudioOutput output, double hz, Duration length) {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("Parley test sound");
        AutoCloseable playing = output.play(track);
        PacedAudioSource tone = new PacedAudioSource(new ToneGenerator(hz, 0.25, TenMillisecondFrames.RATE, 1), source)
                .start();
        return CompletableFuture.runAsync(() -> {
            tone.close();
            source.close();
            try {
                playing.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(length.toMillis(), TimeUnit.MILLISECONDS));
    }
}
