package dev.parley.app.desktop;

import dev.parley.app.settings.Settings;
import dev.parley.app.settings.TrustedServer;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The server certificate the user trusted, kept in the settings: read it for a server, or save a new one. */
final class ServerPins {
    private final Supplier<Settings> current;
    private final Consumer<Settings> save;

    /**
     * @param current the settings as they are now
     * @param save keeps changed settings (in memory and on disk)
     */
    ServerPins(Supplier<Settings> current, Consumer<Settings> save) {
        this.current = current;
        this.save = save;
    }

    /** The fingerprint trusted for exactly this address, if any. */
    Optional<String> pinFor(URI server) {
        return current.get().trustedFingerprint(server);
    }

    /** Trusts this fingerprint for this address from now on, instead of any earlier one. */
    void trust(URI server, String sha256) {
        save.accept(current.get().withTrustedServer(Optional.of(new TrustedServer(server, sha256))));
    }
}
