package dev.parley.media;

import java.awt.Dimension;

/**
 * What a camera capture runs at: the device's own resolution, the size of the frames delivered
 * (scaled down from it when smaller) and the frame rate.
 */
record CameraFormat(int deviceWidth, int deviceHeight, int width, int height, double frameRate) {
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 480;
    static final double DEFAULT_FRAME_RATE = 30;
    static final double MAX_FRAME_RATE = 60;

    /**
     * The format for {@code constraints} on a device with these resolutions: the smallest device
     * resolution at least as large as the asked size (the web's 640x480 when none is asked),
     * and frames of the asked size scaled down from it.
     *
     * @throws MediaDeviceException {@code OverconstrainedError} when a required size or rate can
     *     not be met
     */
    static CameraFormat choose(Dimension[] resolutions, MediaTrackConstraints constraints) {
        if (resolutions.length == 0) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, "the camera reports no resolutions");
        }
        int maxWidth = 0;
        int maxHeight = 0;
        for (Dimension d : resolutions) {
            maxWidth = Math.max(maxWidth, d.width);
            maxHeight = Math.max(maxHeight, d.height);
        }
        Integer wantWidth = wanted(constraints.width());
        Integer wantHeight = wanted(constraints.height());
        Dimension device = pick(resolutions, wantWidth == null && wantHeight == null ? DEFAULT_WIDTH : orZero(wantWidth),
                wantWidth == null && wantHeight == null ? DEFAULT_HEIGHT : orZero(wantHeight));
        int width = (int) Math.round(ConstrainNumber.resolve(constraints.width(), "width", 1, device.width,
                wantHeight != null && wantWidth == null ? device.width * (double) wantHeight / device.height : device.width));
        int height = (int) Math.round(ConstrainNumber.resolve(constraints.height(), "height", 1, device.height,
                wantWidth != null && wantHeight == null ? width * (double) device.height / device.width : device.height));
        double frameRate = ConstrainNumber.resolve(constraints.frameRate(), "frameRate", 1, MAX_FRAME_RATE,
                DEFAULT_FRAME_RATE);
        return new CameraFormat(device.width, device.height, Math.max(1, width), Math.max(1, height), frameRate);
    }

    /** The size a constraint asks for: exact, else ideal, else min; null if it asks none. */
    private static Integer wanted(ConstrainNumber constraint) {
        if (constraint == null) {
            return null;
        }
        Double value = constraint.exact() != null ? constraint.exact()
                : constraint.ideal() != null ? constraint.ideal() : constraint.min();
        return value == null ? null : (int) Math.round(value);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Smallest resolution covering width x height; the largest when none does. */
    private static Dimension pick(Dimension[] resolutions, int width, int height) {
        Dimension best = null;
        Dimension largest = resolutions[0];
        for (Dimension d : resolutions) {
            if ((long) d.width * d.height > (long) largest.width * largest.height) {
                largest = d;
            }
            if (d.width >= width && d.height >= height
                    && (best == null || (long) d.width * d.height < (long) best.width * best.height)) {
                best = d;
            }
        }
        return best != null ? best : largest;
    }
}
