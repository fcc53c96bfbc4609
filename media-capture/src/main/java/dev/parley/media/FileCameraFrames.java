package dev.parley.media;

import dev.parley.rtc.VideoFrame;
import java.awt.Dimension;
import java.nio.file.Path;

/**
 * The file camera's pictures for code that paces a camera itself (the headless peer's
 * {@code PacedVideoSource}) instead of opening it through {@link MediaDevices}: the same device
 * as {@link FileCameraDriver}'s — any file FFmpeg reads, looped at its own frame rate — opened at
 * one size, handing out I420 pictures on demand.
 *
 * <p>One reader thread; {@link #close()} may come from any thread.
 */
public final class FileCameraFrames implements AutoCloseable {
    private final FfmpegCameraDevice device;
    private final int width;
    private final int height;

    private FileCameraFrames(FfmpegCameraDevice device, int width, int height) {
        this.device = device;
        this.width = width;
        this.height = height;
    }

    /**
     * Opens {@code file} to be read at {@code width}x{@code height}; gives up after
     * {@link FileCameraDriver#TIMEOUT} rather than hang on a file that does not answer.
     *
     * @throws MediaDeviceException {@code NotFoundError} (no such file), {@code NotReadableError}
     *     (FFmpeg can not read or decode it, or its natives do not load), {@code AbortError}
     *     (no answer in time); the message names the file
     */
    public static FileCameraFrames open(Path file, int width, int height) {
        if (width < 1 || height < 1 || width > VideoFrame.MAX_DIMENSION || height > VideoFrame.MAX_DIMENSION) {
            throw new IllegalArgumentException("size: 1.." + VideoFrame.MAX_DIMENSION + " each way, got "
                    + width + "x" + height);
        }
        FfmpegCameraDevice device = FileCameraDriver.device(file);
        device.setResolution(new Dimension(width, height));
        device.open();
        return new FileCameraFrames(device, width, height);
    }

    /** What the camera shows, as its track's label: "File: name". */
    public String label() {
        return device.getName();
    }

    /**
     * The file's picture due at {@code captureTimeNanos} (on the {@link System#nanoTime()} clock),
     * at the size it was opened with and stamped with that time.
     *
     * @throws MediaDeviceException {@code NotReadableError} when reading fails, {@code AbortError}
     *     when closed or not answering
     */
    public VideoFrame nextFrame(long captureTimeNanos) {
        VideoFrame frame = device.readI420(width, height, captureTimeNanos);
        if (frame == null) {
            throw new MediaDeviceException(MediaDeviceException.ABORT, label() + " is closed");
        }
        return frame;
    }

    /** Frees the decoder; a read in progress is told to give up first. */
    @Override
    public void close() {
        device.close();
    }
}
