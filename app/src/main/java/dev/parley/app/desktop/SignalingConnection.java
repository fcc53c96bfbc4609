package dev.parley.app.desktop;

import dev.parley.app.signaling.client.PresentedCertificate;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.ui.FxThread;
import dev.parley.ui.Messages;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's connection to the signaling server at one address, with the user's trust of a
 * self-signed {@code wss://} certificate: it connects with the fingerprint trusted for this
 * address (or the CA store when there is none); when the certificate is refused it fetches the
 * one the server presents ({@link PresentedCertificate}), asks the user ({@link ServerTrustPrompt}:
 * new, or CHANGED since trusted), and on Trust saves the fingerprint ({@link ServerPins}) and
 * connects again pinned to it. Otherwise the app stays offline and {@link Status} says why.
 */
final class SignalingConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingConnection.class);

    /** Hears why the app stays offline. */
    interface Status {
        /** The app is offline and will not try again by itself; {@code reason} is for the status line. */
        default void offline(String reason) {
        }
    }

    private final URI server;
    private final String displayName;
    private final SignalingDirectory directory;
    private final ServerPins pins;
    private final ServerTrustPrompt prompt;
    private final FxThread fx;
    private final ExecutorService background;
    private final ScheduledExecutorService timer;
    private final Messages messages;
    private final Status status;
    private final Duration probeDeadline;
    private SignalingClientRuntime runtime;
    private SignalingClient client;
    private boolean closed;

    /**
     * @param fx where the question is asked (the dialog's thread); settings change there too
     * @param background runs the certificate probe and the reconnection (never a client's own lane)
     * @param timer ends a probe at its deadline
     * @param probeDeadline how long fetching a server's certificate may take
     */
    SignalingConnection(URI server, String displayName, SignalingDirectory directory, ServerPins pins,
            ServerTrustPrompt prompt, FxThread fx, ExecutorService background, ScheduledExecutorService timer,
            Messages messages, Status status, Duration probeDeadline) {
        this.server = server;
        this.displayName = displayName;
        this.directory = directory;
        this.pins = pins;
        this.prompt = prompt;
        this.fx = fx;
        this.background = background;
        this.timer = timer;
        this.messages = messages;
        this.status = status;
        this.probeDeadline = probeDeadline;
    }

    /**
     * Connects (asking about the certificate when needed); completes true once registered, false
     * when the app stays offline (the reason went to {@link Status}). The client keeps reconnecting
     * on its own after a first registration.
     */
    CompletableFuture<Boolean> start() {
        return CompletableFuture.supplyAsync(() -> pins.pinFor(server), background).thenCompose(this::connectWith);
    }

    private CompletableFuture<Boolean> connectWith(Optional<String> pin) {
        SignalingClient attempt;
        try {
            attempt = open(pin);
        } catch (GeneralSecurityException | IllegalStateException e) {
            return offline(messages.get("main.offline.failed", e.getMessage()));
        }
        // Off the client's lane: what follows blocks (the probe) or closes that client's runtime.
        return attempt.connect().handle((registered, failure) -> failure).thenComposeAsync(failure -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(true);
            }
            if ("wss".equals(server.getScheme()) && ServerTrust.refusedCertificate(failure)) {
                return askAboutCertificate(pin, failure);
            }
            LOG.warn("signaling at {}: {}", server, failure.toString());
            return offline(messages.get("main.offline.failed", reasonOf(failure)));
        }, background);
    }

    /** A new client with this trust, replacing the previous one (whose runtime it closes). */
    private synchronized SignalingClient open(Optional<String> pin) throws GeneralSecurityException {
        if (closed) {
            throw new IllegalStateException("the app is closing");
        }
        closeClient();
        runtime = new SignalingClientRuntime(pin.map(ServerTrust::pinned).orElseGet(ServerTrust::systemDefault), 2);
        client = new SignalingClient(SignalingClientConfig.of(server, displayName, null), runtime, directory);
        directory.attach(client);
        return client;
    }

    private CompletableFuture<Boolean> askAboutCertificate(Optional<String> pin, Throwable refusal) {
        PresentedCertificate presented;
        try {
            presented = PresentedCertificate.fetch(server, probeDeadline, timer);
        } catch (IOException e) {
            LOG.warn("signaling at {}: certificate refused ({}), and fetching it failed: {}", server, refusal, e.toString());
            Throwable why = e.getCause() != null ? e.getCause() : e;   // the probe's own message repeats the address
            return offline(messages.get("main.offline.noCertificate", server.getHost(), reasonOf(why)));
        }
        if (pin.isPresent() && pin.get().equals(presented.sha256())) {
            // The very certificate the user trusted, refused anyway (expired, say): asking again cannot help.
            return offline(messages.get("main.offline.sameCertificate", ServerTrustPrompt.where(presented), reasonOf(refusal)));
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        fx.execute(() -> {
            try {
                boolean trusted = prompt.ask(presented, pin);
                if (trusted) {
                    pins.trust(server, presented.sha256());
                }
                answer.complete(trusted);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.thenComposeAsync(trusted -> {
            if (trusted) {
                LOG.info("signaling at {}: the user trusted certificate {}", server, presented.sha256());
                return connectWith(Optional.of(presented.sha256()));
            }
            return offline(messages.get("main.offline.untrusted", ServerTrustPrompt.where(presented)));
        }, background);
    }

    private CompletableFuture<Boolean> offline(String reason) {
        status.offline(reason);
        return CompletableFuture.completedFuture(false);
    }

    private static String reasonOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The client of the latest attempt, if any. */
    synchronized Optional<SignalingClient> client() {
        return Optional.ofNullable(client);
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeClient();
    }
}
