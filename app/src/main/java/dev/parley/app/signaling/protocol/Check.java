package dev.parley.app.signaling.protocol;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Field rules shared by the message records: each method returns its argument or throws
 * {@link IllegalArgumentException} naming the field, which the codec reports as
 * {@link ErrorCode#INVALID_FIELD}. The name rule is public: settings check a display name
 * with it before the server would refuse it.
 */
public final class Check {
    /** Call ids are chosen by the caller; 128 random bits written as a UUID are the norm. */
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    public static final int MAX_NAME = 64;
    static final int MAX_SHORT_TEXT = 256;

    private Check() {}

    static String callId(String value) {
        if (value == null || !CALL_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("callId: 8 to 64 of A-Z a-z 0-9 _ -");
        }
        return value;
    }

    /** Display names: 1 to 64 characters, no control characters, no leading or trailing blanks. */
    public static String name(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_NAME || !value.strip().equals(value)
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": 1 to " + MAX_NAME
                    + " characters without control characters or surrounding blanks");
        }
        return value;
    }

    static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": longer than " + maxLength);
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> values, int maxSize) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize || values.stream().anyMatch(v -> v == null)) {
            throw new IllegalArgumentException(field + ": at most " + maxSize + " entries, none null");
        }
        return List.copyOf(values);
    }

    static long requestId(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": negative");
        }
        return value;
    }
}
