package dev.parley.rtc.stun;

import java.util.Objects;

/**
 * A TURN server's long-term credentials (RFC 8489 §9.2): the username and password an
 * {@code RTCIceServer} carries. The password is already prepared (OpaqueString, RFC 8265);
 * see {@link StunCredentials}. {@link #toString()} never shows it.
 */
public record TurnCredentials(String username, String password) {
    public TurnCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The message-integrity key for {@code realm}: MD5(username ":" realm ":" password), RFC 8489 §9.2.2. */
    byte[] key(String realm) {
        return StunCredentials.longTermKey(username, realm, password);
    }

    @Override
    public String toString() {
        return "TurnCredentials[username=" + username + ", password=***]";
    }
}
