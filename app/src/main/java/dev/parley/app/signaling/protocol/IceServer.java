package dev.parley.app.signaling.protocol;

import java.util.List;

/**
 * A STUN or TURN server the operator configured, in W3C {@code RTCIceServer} shape, handed to
 * clients on registration. {@code credential} is a secret: never log it.
 */
public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
        urls = Check.list("urls", urls, 16);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("urls: at least one");
        }
        for (String url : urls) {
            Check.required("urls", url, Check.MAX_SHORT_TEXT);
            if (!url.startsWith("stun:") && !url.startsWith("stuns:") && !url.startsWith("turn:")
                    && !url.startsWith("turns:")) {
                throw new IllegalArgumentException("urls: stun:, stuns:, turn: or turns: (RFC 7064, RFC 7065)");
            }
        }
        Check.optional("username", username, Check.MAX_SHORT_TEXT);
        Check.optional("credential", credential, Check.MAX_SHORT_TEXT);
    }

    @Override
    public String toString() {
        return "IceServer" + urls + (username == null ? "" : " (with credentials)");
    }
}
