package dev.parley.media;

import java.util.Objects;

/**
 * What {@link MediaDevices#getDisplayMedia} captures: the W3C {@code DisplayMediaStreamOptions}
 * with the choice a browser's picker would make written in, since a Java application shows its
 * own picker. Video only (system audio is not captured).
 *
 * @param displaySurface a whole screen or one window
 * @param display which screen: on Linux the X display name (":0", "host:1.0"; null: the
 *     {@code DISPLAY} environment variable); on macOS avfoundation's screen index ("1"; null: the
 *     first screen); ignored on Windows, where it is the whole desktop
 * @param window for {@link DisplaySurface#WINDOW}: on Linux the X window id ("0x1e00004" or
 *     decimal, as {@code xwininfo} prints it), on Windows the window's title; null for a screen
 * @param video the track's {@code width}, {@code height} and {@code frameRate}; as in the W3C
 *     spec only {@code ideal} and {@code max} may be given (the source's own size is the default
 *     and the most; 30 fps unless asked), and {@code deviceId} not at all
 */
public record DisplayMediaStreamOptions(DisplaySurface displaySurface, String display, String window,
        MediaTrackConstraints video) {

    public DisplayMediaStreamOptions {
        Objects.requireNonNull(displaySurface, "displaySurface");
        video = video == null ? MediaTrackConstraints.ANY : video;
    }

    /** The whole default screen, at its own size, 30 fps. */
    public static DisplayMediaStreamOptions monitor() {
        return new DisplayMediaStreamOptions(DisplaySurface.MONITOR, null, null, null);
    }

    /** The whole screen of {@code display} (see the record's {@code display}). */
    public static DisplayMediaStreamOptions monitor(String display) {
        return new DisplayMediaStreamOptions(DisplaySurface.MONITOR, display, null, null);
    }

    /** One window of {@code display} (null: the default display). */
    public static DisplayMediaStreamOptions window(String display, String window) {
        return new DisplayMediaStreamOptions(DisplaySurface.WINDOW, display, window, null);
    }

    /** The same source with these video constraints. */
    public DisplayMediaStreamOptions withVideo(MediaTrackConstraints constraints) {
        return new DisplayMediaStreamOptions(displaySurface, display, window, constraints);
    }
}
