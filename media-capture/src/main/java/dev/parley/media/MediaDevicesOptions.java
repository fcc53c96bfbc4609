package dev.parley.media;

import java.time.Duration;

/**
 * How patient {@link MediaDevices} is with devices.
 *
 * @param callTimeout longest wait for a driver to list or open devices before giving up
 *     ({@code AbortError}) — a hung driver must not hang the app
 * @param pollInterval how often devices are listed to notice hot-plugging ({@code devicechange})
 *     and tracks with nothing left to feed are released
 * @param firstFrameTimeout how long a device may take to deliver its first frame (PulseAudio's
 *     first microphone frame takes about 2 s) before its track ends
 * @param stallTimeout how long a running device may go without a frame before its track ends as
 *     unplugged (at least three frame intervals of a video track, so low frame rates are no stall)
 */
public record MediaDevicesOptions(Duration callTimeout, Duration pollInterval, Duration firstFrameTimeout,
        Duration stallTimeout) {

    /** 5 s to open, a poll every second, 5 s to the first frame, 1 s of silence from a running device. */
    public static final MediaDevicesOptions DEFAULTS = new MediaDevicesOptions(Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));

    public MediaDevicesOptions {
        for (Duration d : new Duration[] {callTimeout, pollInterval, firstFrameTimeout, stallTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every duration must be positive");
            }
        }
    }
}
