package dev.parley.media;

import com.github.sarxos.webcam.Webcam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cameras through webcam-capture: whatever the installed {@link CameraDrivers} list (real
 * cameras, the synthetic camera, later FFmpeg's). A camera's id is made from its driver's device
 * class and its name, so it stays the same across restarts and ports; two cameras of the same
 * name are told apart by their order among those of that name only.
 */
public final class WebcamProvider implements DeviceProvider {
    private final CameraDrivers drivers;
    private final Duration discoveryTimeout;
    /** How long a new capture waits for the previous one of the same camera to let go. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    /** The last capture of each camera: while it runs with live tracks, the camera is busy. */
    private final Map<Webcam, CameraCapture> captures = new HashMap<>(); // guarded by itself

    /**
     * @param discoveryTimeout how long webcam-capture's discovery may take; keep it below
     *     {@link MediaDevicesOptions#callTimeout()} so its own error is the one reported
     */
    public WebcamProvider(CameraDrivers drivers, Duration discoveryTimeout) {
        this.drivers = drivers;
        this.discoveryTimeout = discoveryTimeout;
    }

    @Override
    public List<MediaDeviceInfo> devices() {
        return List.copyOf(identified().keySet());
    }

    @Override
    public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints) {
        Webcam webcam = identified().get(device);
        if (webcam == null) {
            throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, device.label() + " is no longer present");
        }
        CameraFormat format = CameraFormat.choose(webcam.getViewSizes(), constraints);
        synchronized (captures) {
            CameraCapture previous = captures.get(webcam);
            if (previous != null) {
                if (previous.running() && previous.liveTrackCount() > 0) {
                    throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " is in use");
                }
                previous.close(); // stopped by the application; the watch may not have released it yet
                if (!previous.awaitReleased(RELEASE_WAIT)) {
                    throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label()
                            + " is still being released by its driver");
                }
            }
            CameraCapture capture = new CameraCapture(webcam, device, format);
            captures.put(webcam, capture);
            return capture;
        }
    }

    @Override
    public String toString() {
        return "webcam-capture cameras";
    }

    /** Each camera with its device info, in webcam-capture's order. */
    private Map<MediaDeviceInfo, Webcam> identified() {
        Map<MediaDeviceInfo, Webcam> result = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Webcam webcam : new ArrayList<>(drivers.webcams(discoveryTimeout))) {
            String driver = webcam.getDevice().getClass().getName();
            String name = webcam.getName();
            int occurrence = seen.merge(driver + "\0" + name, 1, Integer::sum);
            String suffix = occurrence == 1 ? "" : "#" + occurrence;
            result.put(new MediaDeviceInfo(MediaDeviceInfo.stableId("videoinput", driver, name + suffix),
                    MediaDeviceKind.VIDEO_INPUT, occurrence == 1 ? name : name + " (" + occurrence + ")",
                    MediaDeviceInfo.stableId(driver, name + suffix)), webcam);
        }
        return result;
    }
}
