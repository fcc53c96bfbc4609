package dev.parley.rtc.stun;

import dev.parley.rtc.net.SerialExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live TURN allocation (RFC 8656 §7): a relayed UDP address on the server, kept alive by
 * Refresh until {@link #close()}, with permissions and channels to reach peers through it.
 * Made by {@link TurnClient#allocate}.
 *
 * <pre>
 *   allocate ──► ALLOCATED ──(Refresh at lifetime−60 s, or half a short lifetime)──┐
 *                   │  ▲                                                         │
 *                   │  └─────────────────────── success ◄─────────────────────────┘
 *                   ├──(Refresh fails, 437, link lost)──► FAILED   (listener.onFailed)
 *                   └──(close: Refresh LIFETIME=0)─────► CLOSED
 * </pre>
 *
 * <p>Confined to the executor it was created on: call every method from it; the listener and
 * the futures run on it.
 */
public final class TurnAllocation {
    private static final Logger log = LoggerFactory.getLogger(TurnAllocation.class);

    /** What arrives through the relay, and the allocation's end. Called on the allocation's executor. */
    public interface Listener {
        /** A datagram {@code peer} sent to our relayed address (by Data indication or ChannelData). */
        default void onData(InetSocketAddress peer, byte[] data) {}

        /** The allocation is gone (refresh refused, 437, connection lost); it is closed already. */
        default void onFailed(TurnException cause) {}
    }

    private final TurnSession session;
    private final SerialExecutor executor;
    private final TurnServerConfig config;
    private final Listener listener;
    private final InetSocketAddress relayedAddress;
    private final InetSocketAddress mappedAddress;
    private final TurnPermissions permissions;
    private final TurnChannels channels;
    private final Random random = new SecureRandom();
    private Duration lifetime;
    private SerialExecutor.Cancellable refreshTimer;
    private boolean ended;
    private long droppedUnboundChannelData;
    private long malformedDataIndications;
    private long receivedByIndication;
    private long receivedByChannel;
    /** Told of each successful scheduled refresh; for tests. */
    private Consumer<Duration> refreshObserver = granted -> {};

    TurnAllocation(TurnSession session, TurnServerConfig config, Listener listener, InetSocketAddress relayedAddress,
            InetSocketAddress mappedAddress, Duration lifetime) {
        this.session = session;
        this.executor = session.executor();
        this.config = config;
        this.listener = listener;
        this.relayedAddress = relayedAddress;
        this.mappedAddress = mappedAddress;
        this.lifetime = lifetime;
        this.permissions = new TurnPermissions(session, this::fail);
        this.channels = new TurnChannels(session, permissions, this::fail);
        session.setPeerTraffic(new TurnSession.PeerTraffic() {
            @Override
            public void onDataIndication(StunMessage indication) {
                deliver(indication);
            }

            @Override
            public void onChannelData(ChannelData data) {
                deliver(data);
            }

            @Override
            public void onLinkClosed(IOException cause) {
                fail(TurnException.noResponse("connection to TURN server " + config.server() + " closed"
                        + (cause == null ? "" : ": " + cause.getMessage()), cause));
            }
        });
        scheduleRefresh();
    }

    /** The relayed transport address: the relay candidate (RFC 8445 §5.1.1.2). */
    public InetSocketAddress relayedAddress() {
        return relayedAddress;
    }

    /** XOR-MAPPED-ADDRESS of the Allocate response: our address as the server saw it (a srflx candidate), if sent. */
    public Optional<InetSocketAddress> mappedAddress() {
        return Optional.ofNullable(mappedAddress);
    }

    /** Our end of the connection to the server; XOR-MAPPED-ADDRESS equals it when no NAT is between. */
    public InetSocketAddress localAddress() {
        return session.link().localAddress();
    }

    /** The lifetime the server last granted. */
    public Duration lifetime() {
        return lifetime;
    }

    public TurnTransport transport() {
        return config.transport();
    }

    /** Lets {@code peer} send to the relayed address (RFC 8656 §9); kept fresh until close. */
    public CompletableFuture<Void> createPermission(InetAddress peer) {
        checkExecutor();
        if (ended) {
            return CompletableFuture.failedFuture(closedException());
        }
        return permissions.create(peer);
    }

    /**
     * Binds a channel to {@code peer} (RFC 8656 §12), which also permits its IP; completes with
     * the channel number. Afterwards {@link #send} uses 4-byte ChannelData headers instead of
     * 36-byte Send indications.
     */
    public CompletableFuture<Integer> bindChannel(InetSocketAddress peer) {
        checkExecutor();
        if (ended) {
            return CompletableFuture.failedFuture(closedException());
        }
        return channels.bind(peer);
    }

    /**
     * Relays {@code data} to {@code peer}: as ChannelData on a confirmed channel, else as a Send
     * indication (RFC 8656 §11). The server drops it without a permission for the peer's IP.
     * Returns false if the allocation is closed or the transport dropped it.
     */
    public boolean send(InetSocketAddress peer, byte[] data) {
        checkExecutor();
        if (ended) {
            return false;
        }
        Integer channel = channels.confirmedChannel(peer);
        if (channel != null) {
            return session.sendUnreliable(new ChannelData(channel, data).toBytes(config.transport().isStream()));
        }
        StunMessage indication = StunMessage.builder(StunClass.INDICATION, StunMethod.SEND, TransactionId.random(random))
                .add(new XorPeerAddress(peer)).add(new Data(data)).build();
        return session.sendUnreliable(indication.toBytes());
    }

    /**
     * Deletes the allocation (Refresh with LIFETIME 0, RFC 8656 §7.2) and closes the connection.
     * Completes when the server confirmed, or exceptionally if it did not (the client is closed
     * either way).
     */
    public CompletableFuture<Void> close() {
        checkExecutor();
        if (ended) {
            // Failed, or deallocated already: only the connection is left to close.
            session.close();
            return CompletableFuture.completedFuture(null);
        }
        return deallocate().whenComplete((ok, error) -> session.close());
    }

    /** Responses dropped: unknown transaction id, failed MESSAGE-INTEGRITY or FINGERPRINT. */
    public long droppedResponses() {
        return session.droppedResponses();
    }

    /** Messages from the server that did not parse (or, over a stream, broke its framing). */
    public long malformedMessages() {
        return session.malformedInbound() + malformedDataIndications;
    }

    /** ChannelData on a channel we never bound: dropped. */
    public long droppedUnboundChannelData() {
        return droppedUnboundChannelData;
    }

    /** The request layer, so a test can talk to the server after {@link #deallocate}. */
    TurnSession session() {
        return session;
    }

    /** Datagrams received in Data indications. */
    long receivedByIndication() {
        return receivedByIndication;
    }

    /** Datagrams received as ChannelData. */
    long receivedByChannel() {
        return receivedByChannel;
    }

    void setRefreshObserver(Consumer<Duration> observer) {
        this.refreshObserver = observer;
    }

    /** Ends the allocation on the server but keeps the connection, so a test can see the server's 437 after. */
    CompletableFuture<Void> deallocate() {
        stopTimers();
        ended = true;
        return session.request(StunMethod.REFRESH, List.of(new Lifetime(0))).handle((response, error) -> {
            // A 437 means the allocation is gone already: what we wanted.
            if (error != null && TurnException.of(error).errorCode() != ErrorCode.ALLOCATION_MISMATCH) {
                throw new CompletionException(TurnException.of(error));
            }
            return null;
        });
    }

    /** Stops the refresh timers, so a test can watch the server expire the allocation. */
    void stopRefreshing() {
        stopTimers();
    }

    /** Sends a Refresh now; completes with the lifetime granted. */
    CompletableFuture<Duration> refresh() {
        List<StunAttribute> attributes = config.requestedLifetime() == null
                ? List.of()
                : List.of(new Lifetime(config.requestedLifetime().toSeconds()));
        return session.request(StunMethod.REFRESH, attributes).thenApply(response -> {
            lifetime = response.first(Lifetime.class).map(l -> Duration.ofSeconds(l.seconds())).orElse(lifetime);
            return lifetime;
        });
    }

    /**
     * When to refresh (RFC 8656 §7.1 leaves it to us): a minute before expiry, or at half the
     * lifetime when that is two minutes or less, so a short lifetime still leaves time to retry.
     */
    static Duration refreshDelay(Duration lifetime) {
        return lifetime.compareTo(Duration.ofMinutes(2)) > 0 ? lifetime.minusMinutes(1) : lifetime.dividedBy(2);
    }

    private void scheduleRefresh() {
        refreshTimer = executor.schedule(() -> {
            if (ended) {
                return;
            }
            refresh().whenComplete((granted, error) -> {
                if (ended) {
                    return;
                }
                if (error != null) {
                    fail(TurnException.of(error));
                } else {
                    log.debug("TURN allocation {} refreshed for {}", relayedAddress, granted);
                    scheduleRefresh();
                    refreshObserver.accept(granted);
                }
            });
        }, refreshDelay(lifetime).toNanos(), TimeUnit.NANOSECONDS);
    }

    private void deliver(StunMessage indication) {
        Optional<XorPeerAddress> peer = indication.first(XorPeerAddress.class);
        Optional<Data> data = indication.first(Data.class);
        if (peer.isEmpty() || data.isEmpty()) {
            malformedDataIndications++;
            return;
        }
        // No permission check here: the server enforces permissions (RFC 8656 §9).
        receivedByIndication++;
        listener.onData(peer.get().address(), data.get().data());
    }

    private void deliver(ChannelData data) {
        InetSocketAddress peer = channels.peerOf(data.channelNumber());
        if (peer == null) {
            droppedUnboundChannelData++;
            return;
        }
        receivedByChannel++;
        listener.onData(peer, data.data());
    }

    private void fail(TurnException cause) {
        if (ended) {
            return;
        }
        ended = true;
        stopTimers();
        session.close();
        log.warn("TURN allocation {} on {} failed: {}", relayedAddress, config.server(), cause.getMessage());
        listener.onFailed(cause);
    }

    private void stopTimers() {
        if (refreshTimer != null) {
            refreshTimer.cancel();
        }
        permissions.cancelAll();
        channels.cancelAll();
    }

    private TurnException closedException() {
        return TurnException.noResponse("TURN allocation " + relayedAddress + " is closed", null);
    }

    private void checkExecutor() {
        if (!executor.inExecutor()) {
            throw new IllegalStateException("TurnAllocation is confined to its executor");
        }
    }
}
