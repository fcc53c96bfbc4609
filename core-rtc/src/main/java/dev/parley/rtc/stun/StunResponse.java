package dev.parley.rtc.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A response that completed a client transaction.
 *
 * @param message the parsed response (success or error class)
 * @param raw the bytes as received, for integrity checks that must run on them
 * @param from where it came from, for ICE's symmetric-address check (RFC 8445 §7.2.5.2.1)
 */
public record StunResponse(StunMessage message, byte[] raw, InetSocketAddress from) {
    public StunResponse {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raw, "raw");
    }

    public boolean isSuccess() {
        return message.messageClass() == StunClass.SUCCESS_RESPONSE;
    }

    /** The ERROR-CODE number of an error response, or 0. */
    public int errorCode() {
        return message.first(ErrorCode.class).map(ErrorCode::code).orElse(0);
    }
}
