package dev.parley.rtc.stun;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.SerialExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Makes TURN allocations (RFC 8656 §7.1): connects to the server over UDP, TCP or TLS, sends
 * Allocate with REQUESTED-TRANSPORT UDP, answers the 401 challenge with the long-term
 * credentials, and hands back a {@link TurnAllocation}.
 *
 * <pre>{@code
 * TurnClient.allocate(net, executor, TurnServerConfig.udp(server), new TurnCredentials(user, pass), listener)
 *     .thenAccept(allocation -> gatherRelayCandidate(allocation.relayedAddress()));
 * }</pre>
 *
 * Failure is always an exceptional future carrying a {@link TurnException}: the server's error
 * code and reason (401 wrong credentials, 486 quota, 508 capacity…), or code 0 when the server
 * could not be reached or never answered.
 */
public final class TurnClient {
    private TurnClient() {}

    /**
     * Allocates a relayed address. May be called from any thread; the work, the listener and the
     * returned future's completion run on {@code executor}.
     */
    public static CompletableFuture<TurnAllocation> allocate(Net net, SerialExecutor executor, TurnServerConfig config,
            TurnCredentials credentials, TurnAllocation.Listener listener) {
        CompletableFuture<TurnAllocation> result = new CompletableFuture<>();
        executor.execute(() -> start(net, executor, config, credentials, listener, result));
        return result;
    }

    private static void start(Net net, SerialExecutor executor, TurnServerConfig config, TurnCredentials credentials,
            TurnAllocation.Listener listener, CompletableFuture<TurnAllocation> result) {
        String description = config.transport().name().toLowerCase() + " " + config.server();
        TurnSession session = new TurnSession(executor, credentials, config.schedule(), description, new SecureRandom());
        TurnLinks.open(net, executor, config, session).whenComplete((link, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                result.completeExceptionally(TurnException.noResponse(
                        "could not connect to TURN server " + description + ": " + cause.getMessage(), cause));
                return;
            }
            session.attach(link);
            List<StunAttribute> attributes = new ArrayList<>();
            attributes.add(new RequestedTransport(RequestedTransport.UDP));
            if (config.requestedLifetime() != null) {
                attributes.add(new Lifetime(config.requestedLifetime().toSeconds()));
            }
            session.request(StunMethod.ALLOCATE, attributes).whenComplete((response, failure) -> {
                if (failure != null) {
                    session.close();
                    result.completeExceptionally(TurnException.of(failure));
                    return;
                }
                Optional<XorRelayedAddress> relayed = response.first(XorRelayedAddress.class);
                if (relayed.isEmpty()) {
                    session.close();
                    result.completeExceptionally(TurnException.noResponse(
                            "Allocate success from " + description + " lacks XOR-RELAYED-ADDRESS", null));
                    return;
                }
                InetSocketAddress mapped = response.first(XorMappedAddress.class).map(XorMappedAddress::address)
                        .orElse(null);
                // RFC 8656 §7.3: the response carries LIFETIME; assume the 10-minute default if not.
                Duration lifetime = Duration.ofSeconds(response.first(Lifetime.class).map(Lifetime::seconds).orElse(600L));
                result.complete(new TurnAllocation(session, config, listener, relayed.get().address(), mapped, lifetime));
            });
        });
    }
}
