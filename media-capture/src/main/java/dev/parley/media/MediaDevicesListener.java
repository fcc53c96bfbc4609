package dev.parley.media;

import java.util.List;

/**
 * The events of {@link MediaDevices}. Every method has a no-op default, so a listener implements
 * only what it uses. Called on the device watch thread of the {@code MediaDevices}; hop to the
 * UI thread yourself.
 */
public interface MediaDevicesListener {

    /** W3C {@code devicechange}: a device was plugged in or removed; {@code devices} is the new list. */
    default void onDeviceChange(List<MediaDeviceInfo> devices) {}
}
