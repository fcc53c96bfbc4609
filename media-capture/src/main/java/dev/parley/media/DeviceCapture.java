package dev.parley.media;

import dev.parley.media.processing.AudioProcessingStats;
import dev.parley.rtc.MediaStreamTrack;
import java.util.Optional;

/**
 * A camera or microphone that is open and feeding a track: what a {@link DeviceProvider} hands
 * {@link MediaDevices}, which watches it (no live tracks left: release; no frames: fail) and
 * answers {@code getSettings()} and {@code applyConstraints()} through it.
 */
public interface DeviceCapture extends AutoCloseable {

    MediaDeviceInfo device();

    /** The track made when the device was opened; clones of it share the device. */
    MediaStreamTrack track();

    MediaTrackSettings settings();

    /**
     * Changes the format of the running capture. May block on the driver.
     *
     * @throws MediaDeviceException {@code OverconstrainedError} (nothing changed) if a required
     *     constraint can not be met, {@code NotReadableError} if the device failed meanwhile
     */
    void applyConstraints(MediaTrackConstraints constraints);

    /**
     * The playout-to-capture delay the device buffers add, as measured on the last processed
     * frame of a microphone with echo reference; empty for cameras, screens, synthetic sources, and
     * before the first frame with a speaker playing.
     */
    default Optional<EchoPathDelay> echoPathDelay() {
        return Optional.empty();
    }

    /** The audio processing's current figures for a microphone that processes; empty otherwise. */
    default Optional<AudioProcessingStats> audioProcessingStats() {
        return Optional.empty();
    }

    /** Live tracks fed by the device; none left means the application stopped them all. */
    int liveTrackCount();

    /** {@link System#nanoTime()} of the last frame pushed, or 0 before the first one. */
    long lastFrameNanos();

    /** {@link System#nanoTime()} when capturing started. */
    long startedNanos();

    /**
     * Whether {@code enumerateDevices()} lists this capture's device, so that a listing without
     * it means the device is gone. A screen is never listed (the web lists none either); its
     * capture notices a vanished display itself.
     */
    default boolean enumerated() {
        return true;
    }

    /**
     * The device failed or went away: end every track ({@code ended} fires) and release what can
     * be released without waiting on the device. Idempotent; does not block.
     */
    void fail(String reason);

    /** Stops capturing and releases the device; the tracks end. Idempotent. */
    @Override
    void close();
}
