package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A webcam-capture driver with one camera that plays a video file — anything FFmpeg reads (Y4M,
 * MP4, WebM…) — looped at the file's own frame rate and scaled to the size asked for, like
 * Chromium's {@code --use-file-for-fake-video-capture}. Labelled "File: name" so nobody takes it
 * for a real camera. A file that is missing when the camera opens fails with
 * {@code NotFoundError}, one FFmpeg can not read or decode with {@code NotReadableError}.
 */
public final class FileCameraDriver implements WebcamDriver {
    /** How long opening the file or reading a picture may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final FfmpegCameraDevice device;

    public FileCameraDriver(Path file) {
        device = device(file);
    }

    /** The file camera's device, not yet open: {@code file} looped, at the synthetic camera's sizes. */
    static FfmpegCameraDevice device(Path file) {
        Path absolute = file.toAbsolutePath();
        return new FfmpegCameraDevice("File: " + absolute.getFileName(),
                new FfmpegCameraDevice.Input(null, absolute.toString(), size -> Map.of()),
                SyntheticCameraDevice.RESOLUTIONS, true, TIMEOUT);
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return List.of(device);
    }

    /** The device guards itself; webcam-capture need not serialise calls for this driver. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "file camera driver (" + device.getName() + ")";
    }
}
