package dev.parley.rtc.stun;

import dev.parley.rtc.net.SerialExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocation's channel bindings (RFC 8656 §12): peer transport address ⇄ channel number
 * 0x4000–0x4FFF. A binding lasts 10 minutes and is refreshed by a ChannelBind for the same pair
 * a minute before. ChannelData is sent on a channel only once the server confirmed it
 * (§12.1), but is accepted from the server on any channel we asked for.
 */
final class TurnChannels {
    private static final Logger log = LoggerFactory.getLogger(TurnChannels.class);
    /** RFC 8656 §12: bindings last 10 minutes. */
    static final Duration REFRESH_INTERVAL = Duration.ofMinutes(9);

    private final TurnSession session;
    private final SerialExecutor executor;
    private final TurnPermissions permissions;
    private final Consumer<TurnException> onAllocationLost;
    private final Map<InetSocketAddress, Integer> numberByPeer = new HashMap<>();
    private final Map<Integer, InetSocketAddress> peerByNumber = new HashMap<>();
    private final Map<Integer, CompletableFuture<Integer>> pending = new HashMap<>();
    private final Set<Integer> confirmed = new HashSet<>();
    private final Map<Integer, SerialExecutor.Cancellable> refreshTimers = new HashMap<>();
    private int nextNumber = ChannelData.MIN_CHANNEL;

    TurnChannels(TurnSession session, TurnPermissions permissions, Consumer<TurnException> onAllocationLost) {
        this.session = session;
        this.executor = session.executor();
        this.permissions = permissions;
        this.onAllocationLost = onAllocationLost;
    }

    /** Binds {@code peer} to a fresh channel, or returns the one it already has. */
    CompletableFuture<Integer> bind(InetSocketAddress peer) {
        Integer existing = numberByPeer.get(peer);
        if (existing != null) {
            CompletableFuture<Integer> inFlight = pending.get(existing);
            return inFlight != null ? inFlight : CompletableFuture.completedFuture(existing);
        }
        if (nextNumber > ChannelData.MAX_CHANNEL) {
            return CompletableFuture.failedFuture(new IllegalStateException("all 4096 TURN channels are in use"));
        }
        int number = nextNumber++;
        numberByPeer.put(peer, number);
        peerByNumber.put(number, peer);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        pending.put(number, result);
        send(number, peer).whenComplete((ok, error) -> {
            pending.remove(number);
            if (error != null) {
                numberByPeer.remove(peer);
                peerByNumber.remove(number);
                result.completeExceptionally(TurnException.of(error));
                return;
            }
            confirmed.add(number);
            permissions.installed(peer.getAddress());
            scheduleRefresh(number, peer);
            result.complete(number);
        });
        return result;
    }

    /** The confirmed channel for {@code peer}, or null: send a Send indication instead. */
    Integer confirmedChannel(InetSocketAddress peer) {
        Integer number = numberByPeer.get(peer);
        return number != null && confirmed.contains(number) ? number : null;
    }

    /** The peer of a channel we asked for, or null if we never bound it. */
    InetSocketAddress peerOf(int number) {
        return peerByNumber.get(number);
    }

    void cancelAll() {
        refreshTimers.values().forEach(SerialExecutor.Cancellable::cancel);
        refreshTimers.clear();
    }

    private void scheduleRefresh(int number, InetSocketAddress peer) {
        refreshTimers.put(number, executor.schedule(() -> send(number, peer).whenComplete((ok, error) -> {
            if (error == null) {
                permissions.installed(peer.getAddress());
                scheduleRefresh(number, peer);
                return;
            }
            confirmed.remove(number);
            refreshTimers.remove(number);
            TurnException failure = TurnException.of(error);
            if (failure.errorCode() == ErrorCode.ALLOCATION_MISMATCH) {
                onAllocationLost.accept(failure);
            } else {
                // Keep the numbers reserved (RFC 8656 §12: no rebinding for 5 minutes); data goes by Send indication.
                log.warn("could not refresh TURN channel 0x{} to {}: {}", Integer.toHexString(number), peer,
                        failure.getMessage());
            }
        }), REFRESH_INTERVAL.toNanos(), TimeUnit.NANOSECONDS));
    }

    private CompletableFuture<Void> send(int number, InetSocketAddress peer) {
        return session.request(StunMethod.CHANNEL_BIND, List.of(new ChannelNumber(number), new XorPeerAddress(peer)))
                .thenApply(response -> null);
    }
}
