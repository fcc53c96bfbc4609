package dev.parley.ui.firstrun;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** A signalling server URL must parse, be {@code ws://} or {@code wss://} and name a host. */
public final class ServerUrlRule {

    private ServerUrlRule() {
    }

    /** The bundle key of what is wrong with {@code text}, or empty if it is a usable URL. */
    public static Optional<String> problem(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("firstRun.server.empty");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return Optional.of("firstRun.server.malformed");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
            return Optional.of("firstRun.server.scheme");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("firstRun.server.host");
        }
        return Optional.empty();
    }

    /** {@code text} as a URI; call only when {@link #problem} is empty. */
    public static URI parse(String text) {
        return URI.create(text.strip());
    }
}
