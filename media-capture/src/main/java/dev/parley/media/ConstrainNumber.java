package dev.parley.media;

/**
 * The W3C {@code ConstrainULong} / {@code ConstrainDouble}: what an application asks of a
 * numeric setting (width, frame rate, sample rate…). {@code exact}, {@code min} and {@code max}
 * are required: a device that can not meet them fails with {@code OverconstrainedError};
 * {@code ideal} is a wish, met as closely as the device allows. Each member may be null (absent).
 */
public record ConstrainNumber(Double exact, Double ideal, Double min, Double max) {

    public ConstrainNumber {
        if (exact != null && (min != null || max != null)) {
            throw new IllegalArgumentException("exact excludes min and max");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
    }

    public static ConstrainNumber exact(double value) {
        return new ConstrainNumber(value, null, null, null);
    }

    public static ConstrainNumber ideal(double value) {
        return new ConstrainNumber(null, value, null, null);
    }

    public static ConstrainNumber range(double min, double max) {
        return new ConstrainNumber(null, null, min, max);
    }

    /**
     * The value to use on a device that can do {@code deviceMin..deviceMax}: the exact value, or
     * the ideal (else {@code fallback}) moved into the allowed range.
     *
     * @param name the constraint's W3C name, reported by an {@code OverconstrainedError}
     * @throws MediaDeviceException {@code OverconstrainedError} if a required member can not be met
     */
    public double resolve(String name, double deviceMin, double deviceMax, double fallback) {
        double low = min == null ? deviceMin : Math.max(min, deviceMin);
        double high = max == null ? deviceMax : Math.min(max, deviceMax);
        if (exact != null) {
            if (exact < deviceMin || exact > deviceMax) {
                throw MediaDeviceException.overconstrained(name, name + " " + exact
                        + " is outside what the device can do (" + deviceMin + ".." + deviceMax + ")");
            }
            return exact;
        }
        if (low > high) {
            throw MediaDeviceException.overconstrained(name, name + " range " + min + ".." + max
                    + " does not meet what the device can do (" + deviceMin + ".." + deviceMax + ")");
        }
        double wanted = ideal != null ? ideal : fallback;
        return Math.max(low, Math.min(high, wanted));
    }

    /** {@link #resolve} with no constraint given: the fallback within the device's range. */
    static double resolve(ConstrainNumber constraint, String name, double deviceMin, double deviceMax,
            double fallback) {
        if (constraint == null) {
            return Math.max(deviceMin, Math.min(deviceMax, fallback));
        }
        return constraint.resolve(name, deviceMin, deviceMax, fallback);
    }
}
