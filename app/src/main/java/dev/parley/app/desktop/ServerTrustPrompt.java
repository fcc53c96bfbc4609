package dev.parley.app.desktop;

import dev.parley.app.signaling.client.PresentedCertificate;
import dev.parley.ui.DialogService;
import dev.parley.ui.Messages;
import java.util.Optional;

/**
 * Asks the user whether to trust the certificate a server presented: a first time ("not signed
 * by a known authority") or after the certificate they trusted changed ("CHANGED — possibly an
 * attack"). Either way it shows the server and the SHA-256 fingerprint to compare with the
 * operator's. Call it on the FX thread: the dialog blocks until the user answers.
 */
final class ServerTrustPrompt {
    private static final int DEFAULT_TLS_PORT = 443;

    private final DialogService dialogs;
    private final Messages messages;

    ServerTrustPrompt(DialogService dialogs, Messages messages) {
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /**
     * @param presented what the server presents now
     * @param trustedBefore the fingerprint trusted earlier for this server, if any (then the certificate changed)
     * @return true only if the user pressed Trust
     */
    boolean ask(PresentedCertificate presented, Optional<String> trustedBefore) {
        String server = where(presented);
        String title;
        String message;
        if (trustedBefore.isPresent()) {
            title = messages.get("trust.changed.title");
            message = messages.get("trust.changed.message", server, trustedBefore.get(), presented.sha256());
        } else {
            title = messages.get("trust.unknown.title");
            message = messages.get("trust.unknown.message", server, presented.sha256());
        }
        return dialogs.confirm(title, message, messages.get("trust.trust"), messages.get("trust.cancel"));
    }

    /** The server as the user typed it: its host, and its port unless it is the usual one. */
    static String where(PresentedCertificate presented) {
        return presented.port() == DEFAULT_TLS_PORT ? presented.host() : presented.host() + ":" + presented.port();
    }
}
