package dev.parley.media;

import dev.parley.rtc.MediaStreamTrack;
import java.util.concurrent.CompletableFuture;

/**
 * A speaker that is open: it plays one track at a time (the web's media element with a
 * {@code setSinkId}) through a small buffer. Made by {@link MediaDevices#openOutput}.
 */
public interface AudioOutput extends AutoCloseable {

    MediaDeviceInfo device();

    /** Plays {@code track}, instead of the one played before, until the result is closed or the track ends. */
    AutoCloseable play(MediaStreamTrack track);

    /**
     * How long a sample handed over now takes to reach the speaker: what waits in our queue
     * plus what waits in the device's buffer.
     */
    long latencyNanos();

    /**
     * Completes when the speaker stops for good: normally after {@link #close()}, exceptionally
     * with a {@code NotReadableError} {@link MediaDeviceException} when the device fails (unplugged).
     */
    CompletableFuture<Void> whenEnded();

    /** Stops playing and releases the device. Idempotent. */
    @Override
    void close();
}
