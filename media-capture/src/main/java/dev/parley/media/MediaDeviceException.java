package dev.parley.media;

import java.util.Objects;
import java.util.Optional;

/**
 * A device failure, carrying the W3C {@code DOMException} name the web's
 * {@code getUserMedia()} would reject with, so code ported from the web can switch on
 * {@link #name()} as it did on {@code error.name}. The same shape as core-rtc's
 * {@code RTCException} (which is final and has no room for the constraint an
 * {@code OverconstrainedError} names). Futures complete exceptionally with it.
 */
public final class MediaDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** No device of the requested kind exists (or none is left after the constraints). */
    public static final String NOT_FOUND = "NotFoundError";
    /** The device exists but could not be opened or read (busy, unplugged, driver failure). */
    public static final String NOT_READABLE = "NotReadableError";
    /** A required ({@code exact}, {@code min}, {@code max}) constraint can not be met. */
    public static final String OVERCONSTRAINED = "OverconstrainedError";
    /** The request was given up: the device did not answer in time, or it was cancelled. */
    public static final String ABORT = "AbortError";
    /** The request itself is malformed (neither audio nor video asked for). */
    public static final String TYPE = "TypeError";

    private final String name;
    private final String constraint;

    public MediaDeviceException(String name, String message) {
        this(name, message, null, null);
    }

    public MediaDeviceException(String name, String message, Throwable cause) {
        this(name, message, null, cause);
    }

    private MediaDeviceException(String name, String message, String constraint, Throwable cause) {
        super(message, cause);
        this.name = Objects.requireNonNull(name, "name");
        this.constraint = constraint;
    }

    /** An {@code OverconstrainedError} naming the constraint that could not be met ("width"). */
    public static MediaDeviceException overconstrained(String constraint, String message) {
        return new MediaDeviceException(OVERCONSTRAINED, message, Objects.requireNonNull(constraint), null);
    }

    /** The W3C error name, e.g. {@code NotFoundError}. */
    public String name() {
        return name;
    }

    /** For an {@code OverconstrainedError}: the constraint that could not be met. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    @Override
    public String toString() {
        return name + (constraint == null ? "" : " (" + constraint + ")") + ": " + getMessage();
    }
}
