package dev.parley.ui.port;

import java.time.Instant;
import java.util.Objects;

/** A line of the in-call chat; {@code fromMe} tells ours from the peer's. */
public record ChatMessage(String text, boolean fromMe, Instant sent) {
    public ChatMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sent, "sent");
    }
}
