package dev.parley.app.settings;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A server certificate the user chose to trust: the SHA-256 fingerprint of the certificate the
 * server at {@code server} presented, kept tied to that address so that it never vouches for
 * another server.
 *
 * @param server the {@code wss://} address the user connects to
 * @param sha256 the certificate's fingerprint, upper-case hex in colon form ({@code AB:01:…}, 32 bytes)
 */
public record TrustedServer(URI server, String sha256) {
    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");

    public TrustedServer {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(sha256, "sha256");
        if (!"wss".equals(server.getScheme())) {
            throw new IllegalArgumentException("only a wss:// server has a certificate to trust, not " + server);
        }
        sha256 = sha256.strip().toUpperCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 32 hex bytes separated by colons");
        }
    }

    /** True when this trust was given to exactly {@code address}. */
    public boolean isFor(URI address) {
        return server.equals(address);
    }
}
