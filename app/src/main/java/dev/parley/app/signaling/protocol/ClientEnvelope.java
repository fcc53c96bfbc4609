package dev.parley.app.signaling.protocol;

import java.util.Objects;

/**
 * A decoded client message with its request {@code id}: positive when the client wants an
 * answer ({@code ack}, {@code registered}, {@code pong} or {@code error} with {@code re = id}),
 * 0 when it sent the message without one.
 */
public record ClientEnvelope(long id, ClientMessage message) {
    public ClientEnvelope {
        Check.requestId("id", id);
        Objects.requireNonNull(message, "message");
    }
}
