package dev.parley.ui.port;

import java.util.List;

/** The devices present, each list in the order to show (the system default first, if any). */
public record DeviceLists(List<DeviceOption> cameras, List<DeviceOption> microphones, List<DeviceOption> speakers) {
    public DeviceLists {
        cameras = List.copyOf(cameras);
        microphones = List.copyOf(microphones);
        speakers = List.copyOf(speakers);
    }
}
