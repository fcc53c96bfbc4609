package dev.parley.media;

import dev.parley.media.MediaDevices.ProvidedDevice;
import java.util.List;

/** Picks the device getUserMedia opens for one kind, as the constraints' deviceId asks. */
final class DeviceChoice {
    private DeviceChoice() {}

    /**
     * The device with the exact id (required), else the one with the ideal id if present, else
     * the first of the kind (the default).
     *
     * @throws MediaDeviceException {@code NotFoundError} when there is no device of the kind,
     *     {@code OverconstrainedError} ("deviceId") when the exact one is absent
     */
    static ProvidedDevice choose(List<ProvidedDevice> devices, MediaDeviceKind kind, MediaTrackConstraints constraints) {
        List<ProvidedDevice> ofKind = devices.stream().filter(d -> d.info().kind() == kind).toList();
        if (ofKind.isEmpty()) {
            throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, "no " + kind + " device present");
        }
        ConstrainString id = constraints.deviceId();
        if (id != null && id.exact() != null) {
            return ofKind.stream().filter(d -> d.info().deviceId().equals(id.exact())).findFirst()
                    .orElseThrow(() -> MediaDeviceException.overconstrained("deviceId",
                            "no " + kind + " device with id " + id.exact()));
        }
        if (id != null && id.ideal() != null) {
            return ofKind.stream().filter(d -> d.info().deviceId().equals(id.ideal())).findFirst()
                    .orElse(ofKind.get(0));
        }
        return ofKind.get(0);
    }
}
