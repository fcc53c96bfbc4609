package dev.parley.media;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamCompositeDriver;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera drivers Parley uses, installed into webcam-capture. webcam-capture keeps its driver
 * in a static field ({@link Webcam#setDriver}); this class is the one place in Parley that sets
 * it, so every camera in the process comes from the list given here, in order: a
 * {@link WebcamCompositeDriver} over them. Build one per process (the composition root does);
 * building another replaces the drivers of the first.
 *
 * <p>The driver list is where camera sources slot in: besides the default driver, FFmpeg's
 * v4l2/dshow/avfoundation driver ({@link FfmpegCameraDriver}), the file camera
 * ({@link FileCameraDriver}) and the synthetic camera. The screen is not a camera here (the web
 * lists no screens either): {@link MediaDevices#getDisplayMedia} captures it.
 */
public final class CameraDrivers {
    /** What people must do when the default driver's native part does not load. */
    static final String DEFAULT_DRIVER_HINT = "on Linux webcam-capture's default driver needs the libv4l-0 package;"
            + " until then only Parley's own cameras are listed";

    /** What a failure of FFmpeg's camera driver means. */
    static final String FFMPEG_DRIVER_HINT = "cameras through FFmpeg (libavdevice) are not listed;"
            + " the other drivers' cameras still are";
    private static final Logger log = LoggerFactory.getLogger(CameraDrivers.class);
    /**
     * Guards webcam-capture's static state (a static like what it guards). Replacing the driver
     * stops the discovery service and waits for its thread; a camera listing on another thread at
     * that moment restarts the service, the old thread sees it running again and never ends, and
     * the replacement waits forever (seen in CI: two discovery threads, setDriver stuck in join).
     */
    private static final Object WEBCAM_CAPTURE = new Object();

    private final List<WebcamDriver> drivers;

    /** Installs {@code drivers} (in this order) as webcam-capture's driver. */
    public CameraDrivers(List<WebcamDriver> drivers) {
        this.drivers = List.copyOf(drivers);
        WebcamCompositeDriver composite = new WebcamCompositeDriver();
        this.drivers.forEach(composite::add);
        synchronized (WEBCAM_CAPTURE) {
            Webcam.setDriver(composite);
        }
    }

    /** {@link #standard(boolean, Optional)} without a file camera. */
    public static List<WebcamDriver> standard(boolean withSyntheticCamera) {
        return standard(withSyntheticCamera, Optional.empty());
    }

    /**
     * The standard drivers: webcam-capture's default (real cameras; a failure to load its native
     * part is logged and means no real cameras), FFmpeg's camera driver of this platform where
     * FFmpeg's input libraries load (a failure is logged, never fatal), then, if asked, the
     * synthetic camera and a file camera playing {@code cameraFile}.
     */
    public static List<WebcamDriver> standard(boolean withSyntheticCamera, Optional<Path> cameraFile) {
        List<WebcamDriver> drivers = new ArrayList<>();
        drivers.add(new GuardedWebcamDriver(new WebcamDefaultDriver(), DEFAULT_DRIVER_HINT));
        Optional<FfmpegCameraDriver> ffmpeg = FfmpegCameraDriver.forThisPlatform();
        if (ffmpeg.isPresent()) {
            if (FfmpegInputNatives.available()) {
                drivers.add(new GuardedWebcamDriver(ffmpeg.get(), FFMPEG_DRIVER_HINT));
            } else {
                log.warn("FFmpeg's input libraries did not load; {}", FFMPEG_DRIVER_HINT);
            }
        }
        if (withSyntheticCamera) {
            drivers.add(new SyntheticCameraDriver());
        }
        cameraFile.ifPresent(file -> drivers.add(new FileCameraDriver(file)));
        return drivers;
    }

    public List<WebcamDriver> drivers() {
        return drivers;
    }

    /**
     * The cameras webcam-capture knows now (its discovery service keeps the list fresh as cameras
     * come and go).
     *
     * @throws MediaDeviceException {@code AbortError} if discovery takes longer than {@code timeout}
     */
    List<Webcam> webcams(Duration timeout) {
        try {
            synchronized (WEBCAM_CAPTURE) {
                return Webcam.getWebcams(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            throw new MediaDeviceException(MediaDeviceException.ABORT, "camera discovery took longer than "
                    + timeout.toMillis() + " ms", e);
        }
    }
}
