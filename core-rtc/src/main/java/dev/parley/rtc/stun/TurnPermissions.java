package dev.parley.rtc.stun;

import dev.parley.rtc.net.SerialExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocation's permissions (RFC 8656 §9): which peer IP addresses may send to the relayed
 * address. A permission lasts 300 s, so each is refreshed with CreatePermission every 4 minutes
 * until the allocation closes. Ports play no part in permissions.
 */
final class TurnPermissions {
    private static final Logger log = LoggerFactory.getLogger(TurnPermissions.class);
    /** RFC 8656 §9: permissions expire after 300 s; refresh with a minute to spare. */
    static final Duration REFRESH_INTERVAL = Duration.ofMinutes(4);

    private final TurnSession session;
    private final SerialExecutor executor;
    private final Consumer<TurnException> onAllocationLost;
    private final Map<InetAddress, SerialExecutor.Cancellable> refreshTimers = new HashMap<>();

    TurnPermissions(TurnSession session, Consumer<TurnException> onAllocationLost) {
        this.session = session;
        this.executor = session.executor();
        this.onAllocationLost = onAllocationLost;
    }

    /** Sends CreatePermission for {@code peer}; once granted it is kept fresh. */
    CompletableFuture<Void> create(InetAddress peer) {
        return send(peer).thenRun(() -> installed(peer));
    }

    /** A permission the server installed some other way (a ChannelBind does, RFC 8656 §12.1); keep it fresh. */
    void installed(InetAddress peer) {
        SerialExecutor.Cancellable old = refreshTimers.put(peer, executor.schedule(() -> refresh(peer),
                REFRESH_INTERVAL.toNanos(), TimeUnit.NANOSECONDS));
        if (old != null) {
            old.cancel();
        }
    }

    boolean has(InetAddress peer) {
        return refreshTimers.containsKey(peer);
    }

    void cancelAll() {
        refreshTimers.values().forEach(SerialExecutor.Cancellable::cancel);
        refreshTimers.clear();
    }

    private void refresh(InetAddress peer) {
        if (!refreshTimers.containsKey(peer)) {
            return;
        }
        send(peer).whenComplete((ok, error) -> {
            if (error == null) {
                installed(peer);
                return;
            }
            refreshTimers.remove(peer);
            TurnException failure = TurnException.of(error);
            if (failure.errorCode() == ErrorCode.ALLOCATION_MISMATCH) {
                onAllocationLost.accept(failure);
            } else {
                log.warn("could not refresh the TURN permission for {}: {}", peer.getHostAddress(), failure.getMessage());
            }
        });
    }

    private CompletableFuture<Void> send(InetAddress peer) {
        // XOR-PEER-ADDRESS needs a port; the server ignores it for permissions (RFC 8656 §9).
        return session.request(StunMethod.CREATE_PERMISSION, List.of(new XorPeerAddress(new InetSocketAddress(peer, 0))))
                .thenApply(response -> null);
    }
}
