package dev.parley.rtc;

import java.util.Objects;

/**
 * The one exception of the public API: a W3C {@code DOMException} (or {@code RTCError}) carrying
 * its W3C name, so code ported from the web can switch on {@link #name()} exactly as it did on
 * {@code error.name}. Futures complete exceptionally with it; synchronous methods throw it.
 */
public final class RTCException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The W3C names the peer connection uses. */
    public static final String INVALID_STATE = "InvalidStateError";
    public static final String INVALID_ACCESS = "InvalidAccessError";
    public static final String INVALID_MODIFICATION = "InvalidModificationError";
    public static final String OPERATION = "OperationError";
    public static final String SYNTAX = "SyntaxError";
    public static final String TYPE = "TypeError";
    public static final String RANGE = "RangeError";
    public static final String NOT_SUPPORTED = "NotSupportedError";

    private final String name;

    public RTCException(String name, String message) {
        super(message);
        this.name = Objects.requireNonNull(name, "name");
    }

    public RTCException(String name, String message, Throwable cause) {
        super(message, cause);
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The W3C error name, e.g. {@code InvalidStateError}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + ": " + getMessage();
    }
}
