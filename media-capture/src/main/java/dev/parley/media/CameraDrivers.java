package dev.parley.media;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamCompositeDriver;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The camera drivers Parley uses, installed into webcam-capture. webcam-capture keeps its driver
 * in a static field ({@link Webcam#setDriver}); this class is the one place in Parley that sets
 * it, so every camera in the process comes from the list given here, in order: a
 * {@link WebcamCompositeDriver} over them. Build one per process (the composition root does);
 * building another replaces the drivers of the first.
 *
 * <p>The driver list is where new camera sources slot in: the FFmpeg-based v4l2/dshow/avfoundation
 * driver, the file camera and the screen become more {@link WebcamDriver}s in {@link #standard}.
 */
public final class CameraDrivers {
    /** What people must do when the default driver's native part does not load. */
    static final String DEFAULT_DRIVER_HINT = "on Linux webcam-capture's default driver needs the libv4l-0 package;"
            + " until then only Parley's own cameras are listed";

    private final List<WebcamDriver> drivers;

    /** Installs {@code drivers} (in this order) as webcam-capture's driver. */
    public CameraDrivers(List<WebcamDriver> drivers) {
        this.drivers = List.copyOf(drivers);
        WebcamCompositeDriver composite = new WebcamCompositeDriver();
        this.drivers.forEach(composite::add);
        Webcam.setDriver(composite);
    }

    /**
     * The standard drivers: webcam-capture's default (real cameras; a failure to load its native
     * part is logged and means no real cameras) and, if asked, the synthetic camera.
     */
    public static List<WebcamDriver> standard(boolean withSyntheticCamera) {
        List<WebcamDriver> drivers = new ArrayList<>();
        drivers.add(new GuardedWebcamDriver(new WebcamDefaultDriver(), DEFAULT_DRIVER_HINT));
        if (withSyntheticCamera) {
            drivers.add(new SyntheticCameraDriver());
        }
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
            return Webcam.getWebcams(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MediaDeviceException(MediaDeviceException.ABORT, "camera discovery took longer than "
                    + timeout.toMillis() + " ms", e);
        }
    }
}
