package dev.parley.app.settings;

import java.net.URI;
import java.util.Optional;

/**
 * Where the app finds the people it can call: the server embedded in the app (the default, which
 * works with no setup) or a signaling server's {@code ws://} or {@code wss://} address.
 */
public record ServerChoice(Optional<URI> url) {
    private static final ServerChoice EMBEDDED = new ServerChoice(Optional.empty());

    public ServerChoice {
        url.ifPresent(ServerChoice::checkUrl);
    }

    public static ServerChoice embedded() {
        return EMBEDDED;
    }

    /** @throws IllegalArgumentException unless a {@code ws://} or {@code wss://} URL with a host */
    public static ServerChoice url(URI url) {
        return new ServerChoice(Optional.of(url));
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme();
        if (!("ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("server: a ws:// or wss:// address with a host, not " + url);
        }
    }
}
