package dev.parley.ui.port;

import java.net.URI;
import java.util.Optional;

/** Which signalling server to use: the one embedded in the app, or one at a ws:// or wss:// URL. */
public record ServerChoice(Optional<URI> url) {
    public ServerChoice {
        url.ifPresent(u -> {
            if (!"ws".equalsIgnoreCase(u.getScheme()) && !"wss".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("server URL must be ws:// or wss:// with a host: " + u);
            }
        });
    }

    public static ServerChoice embedded() {
        return new ServerChoice(Optional.empty());
    }

    public static ServerChoice remote(URI url) {
        return new ServerChoice(Optional.of(url));
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }
}
