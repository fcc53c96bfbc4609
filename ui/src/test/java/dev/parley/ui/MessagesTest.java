package dev.parley.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.ui.call.NetworkQuality;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.ConnectionState;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = Messages.forLocale(Locale.ROOT);

    @Test
    void fillsPlaceholdersAndShowsAMissingKeyInsteadOfFailing() {
        assertEquals("Ada is calling", messages.get("incoming.prompt", "Ada"));
        assertEquals("!no.such.key!", messages.get("no.such.key"));
    }

    @Test
    void keepsTheKeysThatWereThereBefore() {
        assertEquals("Parley", messages.get("app.name"));
        assertFalse(messages.get("app.tagline").startsWith("!"));
    }

    /** Keys the view-models build from enum names exist for every value. */
    @Test
    void everyEnumDerivedKeyExists() {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        Stream.of(
                Stream.of(CallState.values()).map(v -> "call.state." + lower(v)),
                Stream.of(ConnectionState.values()).map(v -> "main.connection." + lower(v)),
                Stream.of(CallDirection.values()).map(v -> "main.history." + lower(v)),
                Stream.of(NetworkQuality.values()).map(v -> "call.quality." + lower(v)))
                .flatMap(s -> s)
                .forEach(key -> assertEquals(true, bundle.containsKey(key), key));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
