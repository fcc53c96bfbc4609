package dev.parley.media;

import java.util.List;

/**
 * A family of devices behind one driver: cameras through webcam-capture, microphones and
 * speakers through javax.sound, synthetic sources. {@link MediaDevices} asks every provider it
 * was built with and merges their answers; a new driver slots in as one more provider or, for
 * cameras, as one more webcam-capture driver in {@link CameraDrivers}. Screens are not devices
 * ({@link MediaDevices#getDisplayMedia} opens them).
 *
 * <p>Methods may block on a driver: {@link MediaDevices} calls them on its own threads and gives
 * up after its timeout, so a hung driver can not hang the app.
 */
public interface DeviceProvider {

    /** Devices present now; an empty list when there are none. */
    List<MediaDeviceInfo> devices();

    /**
     * Opens a camera or microphone this provider listed and starts capturing into a new track.
     *
     * @throws MediaDeviceException {@code NotFoundError} if the device is gone,
     *     {@code OverconstrainedError} if a required constraint can not be met,
     *     {@code NotReadableError} if the device can not be opened
     */
    DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints);

    /**
     * As {@link #open(MediaDeviceInfo, MediaTrackConstraints)}, for a {@link MediaDevices} whose
     * speakers publish to {@code echo}: a microphone's echo canceller subscribes there. What
     * {@link MediaDevices} calls; providers without microphones need not care.
     */
    default DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints, EchoReference echo) {
        return open(device, constraints);
    }

    /**
     * Opens a speaker this provider listed.
     *
     * @throws MediaDeviceException {@code NotFoundError} if this provider has no such speaker,
     *     {@code NotReadableError} if it can not be opened
     */
    default AudioOutput openOutput(MediaDeviceInfo device) {
        throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, "no speaker " + device.label()
                + " here");
    }

    /**
     * As {@link #openOutput(MediaDeviceInfo)}, for a {@link MediaDevices} whose microphones cancel
     * the echo of what its speakers play: the speaker publishes all it plays to {@code echo}.
     */
    default AudioOutput openOutput(MediaDeviceInfo device, EchoReference echo) {
        return openOutput(device);
    }
}
