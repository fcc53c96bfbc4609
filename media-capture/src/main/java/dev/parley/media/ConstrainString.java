package dev.parley.media;

/**
 * The W3C {@code ConstrainDOMString}, as used for {@code deviceId}: {@code exact} must be met
 * ({@code OverconstrainedError} otherwise), {@code ideal} is preferred when it can be. Either may
 * be null (absent).
 */
public record ConstrainString(String exact, String ideal) {

    public static ConstrainString exact(String value) {
        return new ConstrainString(value, null);
    }

    public static ConstrainString ideal(String value) {
        return new ConstrainString(null, value);
    }
}
