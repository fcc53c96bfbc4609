package dev.parley.ui.firstrun;

import java.util.Optional;

/**
 * What a display name may be: 1 to {@value #MAX_LENGTH} characters (code points) once leading
 * and trailing spaces are trimmed, with no control characters (they would break lists and
 * logs, and could hide a name behind another).
 */
public final class DisplayNameRule {
    public static final int MAX_LENGTH = 64;

    private DisplayNameRule() {
    }

    /** The bundle key of what is wrong with {@code name}, or empty if it is fine. */
    public static Optional<String> problem(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("firstRun.name.empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            return Optional.of("firstRun.name.tooLong");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("firstRun.name.control");
        }
        return Optional.empty();
    }
}
