package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.sdp.MediaKind;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The W3C {@code RTCPeerConnection}: one call with one remote peer, speaking WebRTC on the wire
 * (ICE, DTLS-SRTP, RTP/RTCP, all bundled on one transport). A web developer finds the same calls
 * and events; promises are {@link CompletableFuture}s that fail with {@link RTCException}.
 *
 * <p>One serial executor owns all state (like libwebrtc's signaling thread): the operations
 * ({@code createOffer}, {@code setRemoteDescription}, …) run on it one at a time, in call order —
 * the W3C operations chain — and listeners are called on it. Futures complete on it too, so code
 * chained with {@code thenApply} runs there: do not block in it. Synchronous W3C methods
 * ({@link #addTrack}, {@link #getTransceivers}) may be called from any thread. After
 * {@link #close()} the getters still answer (with the final state), as W3C's do.
 *
 * <p>Negotiation (JSEP, RFC 8829) is the {@link Negotiator}'s job; this class keeps the W3C
 * state machine and wires the transport, senders and receivers.
 */
public final class RTCPeerConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RTCPeerConnection.class);

    private final EngineSettings settings;
    private final MediaEngine mediaEngine;
    private final Net net;
    private final boolean ownsNet;
    private final SerialExecutor executor;
    private final CallbackList<RTCPeerConnectionListener> listeners = new CallbackList<>();
    private final CompletableFuture<RTCCertificate> certificate;
    private final PeerSession session;
    private final Negotiator negotiator;
    private final MediaRouting media;
    private volatile RTCConfiguration configuration;
    private volatile boolean closed;
    /** Completes when close() has shut the executor's state down: from then on the state is frozen. */
    private final CompletableFuture<Void> shutDown = new CompletableFuture<>();
    /**
     * Operations queued and not yet completed. A closed executor drops what is still queued, so
     * close() fails these: a future that never completes would hang whoever waits on it.
     */
    private final java.util.Set<CompletableFuture<?>> unfinished = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RTCPeerConnection(RTCConfiguration configuration) {
        this(configuration, EngineSettings.defaults(), MediaEngine.defaults());
    }

    public RTCPeerConnection(RTCConfiguration configuration, EngineSettings settings) {
        this(configuration, settings, MediaEngine.defaults());
    }

    /**
     * @param settings what the W3C API has no word for; its {@code Net}, if given, is shared and
     *     not closed by this peer connection
     */
    public RTCPeerConnection(RTCConfiguration configuration, EngineSettings settings, MediaEngine mediaEngine) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mediaEngine = Objects.requireNonNull(mediaEngine, "mediaEngine");
        for (RTCCertificate c : configuration.certificates()) {
            if (c.expires().isBefore(Instant.now())) {
                throw new RTCException(RTCException.INVALID_ACCESS, "certificate expired at " + c.expires());
            }
        }
        this.ownsNet = settings.net().isEmpty();
        this.net = settings.net().orElseGet(RealNet::new);
        this.executor = net.newSerialExecutor("parley-pc");
        SecureRandom random = settings.random();
        this.certificate = configuration.certificates().isEmpty()
                ? CompletableFuture.supplyAsync(() -> new RTCCertificate(DtlsCertificate.generate(random)))
                : CompletableFuture.completedFuture(configuration.certificates().get(0));
        this.session = new PeerSession(this);
        this.media = new MediaRouting(session);
        this.negotiator = new Negotiator(session);
    }

    /** W3C {@code RTCPeerConnection.generateCertificate}: ECDSA P-256. */
    public static CompletableFuture<RTCCertificate> generateCertificate() {
        return generateCertificate(DtlsCertificate.KeyType.ECDSA_P256);
    }

    /** W3C {@code RTCPeerConnection.generateCertificate} for ECDSA P-256 or RSA 2048. */
    public static CompletableFuture<RTCCertificate> generateCertificate(DtlsCertificate.KeyType keyType) {
        Objects.requireNonNull(keyType, "keyType");
        return CompletableFuture.supplyAsync(() -> new RTCCertificate(DtlsCertificate.generate(keyType,
                new SecureRandom(), Instant.now(), java.time.Duration.ofDays(30))));
    }

    /** Registers a listener; closing the result unregisters it. */
    public AutoCloseable addListener(RTCPeerConnectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        return listeners.add(listener);
    }

    // ---- negotiation ---------------------------------------------------------------------------

    public CompletableFuture<RTCSessionDescription> createOffer() {
        return createOffer(RTCOfferOptions.DEFAULT);
    }

    public CompletableFuture<RTCSessionDescription> createOffer(RTCOfferOptions options) {
        Objects.requireNonNull(options, "options");
        return operation(() -> negotiator.createOffer(options.iceRestart()));
    }

    public CompletableFuture<RTCSessionDescription> createAnswer() {
        return operation(negotiator::createAnswer);
    }

    /** W3C implicit {@code setLocalDescription()}: creates the offer or answer the state calls for. */
    public CompletableFuture<Void> setLocalDescription() {
        return operation(() -> {
            negotiator.setLocalDescription(null);
            return null;
        });
    }

    public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return operation(() -> {
            negotiator.setLocalDescription(description);
            return null;
        });
    }

    public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return operation(() -> {
            negotiator.setRemoteDescription(description);
            return null;
        });
    }

    /** W3C {@code addIceCandidate}; an empty candidate marks the end of the peer's candidates. */
    public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return operation(() -> {
            negotiator.addIceCandidate(candidate);
            return null;
        });
    }

    /** W3C {@code restartIce}: the next offer carries new ICE credentials. */
    public void restartIce() {
        if (closed) {
            return; // W3C restartIce has no error for a closed connection: nothing to restart
        }
        try {
            Sync.run(session, negotiator::restartIce);
        } catch (RTCException e) {
            if (!session.closed) {
                throw e;
            }
        }
    }

    /** W3C {@code getConfiguration}: includes the certificate the connection generated for itself. */
    public RTCConfiguration getConfiguration() {
        RTCConfiguration current = configuration;
        if (!current.certificates().isEmpty()) {
            return current;
        }
        return current.toBuilder().certificate(certificate.join()).build();
    }

    /**
     * W3C {@code setConfiguration}: ICE servers and transport policy apply to the next gathering
     * (an ICE restart); certificates and bundle policy cannot change.
     */
    public void setConfiguration(RTCConfiguration newConfiguration) {
        Objects.requireNonNull(newConfiguration, "newConfiguration");
        Sync.run(session, () -> {
            session.requireOpen();
            if (!newConfiguration.certificates().isEmpty()
                    && !newConfiguration.certificates().equals(getConfiguration().certificates())) {
                throw new RTCException(RTCException.INVALID_MODIFICATION, "certificates cannot change");
            }
            if (newConfiguration.bundlePolicy() != configuration.bundlePolicy()) {
                throw new RTCException(RTCException.INVALID_MODIFICATION, "bundlePolicy cannot change");
            }
            // W3C: leaving certificates out keeps the ones in use (getConfiguration still shows them).
            if (newConfiguration.certificates().isEmpty()) {
                RTCConfiguration.Builder kept = newConfiguration.toBuilder();
                configuration.certificates().forEach(kept::certificate);
                configuration = kept.build();
            } else {
                configuration = newConfiguration;
            }
        });
    }

    public RTCSignalingState signalingState() {
        return session.signalingState;
    }

    public RTCIceGatheringState iceGatheringState() {
        return session.gatheringState;
    }

    public RTCIceConnectionState iceConnectionState() {
        return session.iceConnectionState;
    }

    public RTCPeerConnectionState connectionState() {
        return session.connectionState;
    }

    /** W3C {@code localDescription}: the pending one if any, else the current one, with candidates. */
    public RTCSessionDescription localDescription() {
        return read(negotiator::localDescription);
    }

    public RTCSessionDescription currentLocalDescription() {
        return read(() -> negotiator.describe(session.currentLocal, true));
    }

    public RTCSessionDescription pendingLocalDescription() {
        return read(() -> negotiator.describe(session.pendingLocal, true));
    }

    /** W3C {@code remoteDescription}: the pending one if any, else the current one. */
    public RTCSessionDescription remoteDescription() {
        return read(() -> negotiator.describe(
                session.pendingRemote != null ? session.pendingRemote : session.currentRemote, false));
    }

    public RTCSessionDescription currentRemoteDescription() {
        return read(() -> negotiator.describe(session.currentRemote, false));
    }

    public RTCSessionDescription pendingRemoteDescription() {
        return read(() -> negotiator.describe(session.pendingRemote, false));
    }

    // ---- tracks and transceivers -----------------------------------------------------------------

    /**
     * W3C {@code addTrack}: sends the track, tied to the given streams (none: a streamless track).
     * Reuses a compatible transceiver that never sent; otherwise adds one. Fires
     * {@code negotiationneeded}.
     *
     * @throws RTCException {@code InvalidStateError} when closed, {@code InvalidAccessError} when
     *     the track is already being sent by this connection
     */
    public RTCRtpSender addTrack(MediaStreamTrack track, MediaStream... streams) {
        Objects.requireNonNull(track, "track");
        List<String> streamIds = new ArrayList<>();
        for (MediaStream s : streams) {
            streamIds.add(s.id());
        }
        return Sync.call(session, () -> session.addTrack(track, streamIds));
    }

    /**
     * W3C {@code removeTrack}: stops sending the sender's track; the transceiver stays and
     * becomes receive-only or inactive. Fires {@code negotiationneeded}.
     */
    public void removeTrack(RTCRtpSender sender) {
        Objects.requireNonNull(sender, "sender");
        Sync.run(session, () -> session.removeTrack(sender));
    }

    /** W3C {@code addTransceiver(track, init)}. */
    public RTCRtpTransceiver addTransceiver(MediaStreamTrack track, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(init, "init");
        return Sync.call(session, () -> session.addTransceiver(MediaKind.fromSdpName(track.kind()).orElseThrow(), track, init));
    }

    /** W3C {@code addTransceiver(kind, init)}, kind {@code "audio"} or {@code "video"}. */
    public RTCRtpTransceiver addTransceiver(String kind, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(init, "init");
        if (!kind.equals("audio") && !kind.equals("video")) {
            throw new RTCException(RTCException.TYPE, "kind must be \"audio\" or \"video\", not \"" + kind + "\"");
        }
        return Sync.call(session, () -> session.addTransceiver(MediaKind.fromSdpName(kind).orElseThrow(), null, init));
    }

    /**
     * W3C {@code createDataChannel(label, init)}: a channel on the connection's SCTP association.
     * The first one makes {@code negotiationneeded} fire (a data m-line is needed); it opens once
     * the association is up and, unless {@code negotiated}, has been announced to the peer.
     *
     * @throws RTCException {@code InvalidStateError} when closed; {@code TypeError} for a label
     *     longer than 65535 bytes; {@code OperationError} when the id is in use
     */
    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(init, "init");
        return Sync.call(session, () -> session.dataChannels.create(label, init, null));
    }

    /**
     * {@code createDataChannel} with its listener registered first. On a connected association a
     * channel opens at once, on the executor, possibly before a listener added after this call
     * returns; the web queues {@code open} behind the running script, Java has no such moment.
     * (Without this overload, check {@link RTCDataChannel#readyState()} after adding a listener.)
     */
    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init, RTCDataChannelListener listener) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(listener, "listener");
        return Sync.call(session, () -> session.dataChannels.create(label, init, listener));
    }

    /** {@code createDataChannel(label)}: reliable, ordered, announced in band. */
    public RTCDataChannel createDataChannel(String label) {
        return createDataChannel(label, RTCDataChannelInit.DEFAULT);
    }

    /** W3C {@code sctp}: the SCTP transport once a data m-line is negotiated, else empty. */
    public java.util.Optional<RTCSctpTransport> sctp() {
        return java.util.Optional.ofNullable(read(session.dataChannels::sctpTransport));
    }

    /**
     * The DTLS transport every m-line of this connection shares (max-bundle). W3C reaches it as
     * {@code sender.transport}, {@code receiver.transport} and {@code sctp.transport}; with one
     * bundled transport those are all this object, so it is offered here once, from the start.
     */
    public RTCDtlsTransport dtlsTransport() {
        return session.dtlsTransport;
    }

    public List<RTCRtpTransceiver> getTransceivers() {
        return read(() -> List.copyOf(session.transceivers));
    }

    public List<RTCRtpSender> getSenders() {
        return read(() -> {
            List<RTCRtpSender> out = new ArrayList<>();
            for (RTCRtpTransceiver t : session.transceivers) {
                if (!t.isStopped()) {
                    out.add(t.sender());
                }
            }
            return out;
        });
    }

    public List<RTCRtpReceiver> getReceivers() {
        return read(() -> {
            List<RTCRtpReceiver> out = new ArrayList<>();
            for (RTCRtpTransceiver t : session.transceivers) {
                if (!t.isStopped()) {
                    out.add(t.receiver());
                }
            }
            return out;
        });
    }

    /** W3C {@code getStats()}: a snapshot of every object of the call, with W3C ids and fields. */
    public CompletableFuture<RTCStatsReport> getStats() {
        return operation(() -> new StatsCollector(session).collect());
    }

    /**
     * W3C {@code close()}: stops every transceiver, closes the transport and frees sockets and
     * threads. No state-change events fire; the states read {@code closed}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        Runnable shutdown = () -> {
            if (session.closed) {
                return;
            }
            session.close();
        };
        if (executor.inExecutor()) {
            shutdown.run();
        } else {
            CompletableFuture<Void> done = new CompletableFuture<>();
            executor.execute(() -> {
                shutdown.run();
                done.complete(null);
            });
            awaitShutdown(done, shutdown);
        }
        closed = true;
        shutDown.complete(null);
        executor.close();
        for (CompletableFuture<?> op : unfinished) {
            op.completeExceptionally(new RTCException(RTCException.INVALID_STATE, "the peer connection is closed"));
        }
        if (ownsNet) {
            net.close();
        }
    }

    /**
     * Waits for the shutdown task; if the executor was closed under us (an application closed a
     * shared Net first), the task will never run, so the shutdown runs here instead of hanging.
     */
    private void awaitShutdown(CompletableFuture<Void> done, Runnable shutdown) {
        while (true) {
            try {
                done.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (executor.isClosed() && !done.isDone()) {
                    shutdown.run();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shutdown.run();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                return;
            }
        }
    }

    /**
     * A W3C getter: on the executor while open; once closed, the state no longer changes (and the
     * executor runs nothing more), so it is read where the caller is — W3C getters work after close.
     */
    private <T> T read(Supplier<T> getter) {
        if (closed) {
            return getter.get();
        }
        try {
            return Sync.call(session, getter);
        } catch (RTCException e) {
            if (!session.closed) {
                throw e;
            }
            shutDown.join(); // closing meanwhile: read the final state
            return getter.get();
        }
    }

    // ---- package: for the session's parts --------------------------------------------------------

    /** Runs one W3C operation on the executor: rejected with InvalidStateError once closed. */
    private <T> CompletableFuture<T> operation(Supplier<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // Registered before the closed check: close() either sees it or it sees closed.
        unfinished.add(result);
        result.whenComplete((value, error) -> unfinished.remove(result));
        if (closed) {
            result.completeExceptionally(new RTCException(RTCException.INVALID_STATE, "the peer connection is closed"));
            return result;
        }
        session.pendingOperations.incrementAndGet();
        executor.execute(() -> {
            try {
                session.requireOpen();
                result.complete(body.get());
            } catch (RTCException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                log.warn("operation failed", e);
                result.completeExceptionally(new RTCException(RTCException.OPERATION, String.valueOf(e.getMessage()), e));
            } finally {
                if (session.pendingOperations.decrementAndGet() == 0 && !session.closed) {
                    negotiator.onOperationsChainEmpty();
                }
            }
        });
        return result;
    }

    void emit(Consumer<RTCPeerConnectionListener> event) {
        listeners.forEach(event, "peer connection listener");
    }

    EngineSettings settings() {
        return settings;
    }

    MediaEngine mediaEngine() {
        return mediaEngine;
    }

    Net net() {
        return net;
    }

    SerialExecutor executor() {
        return executor;
    }

    RTCCertificate certificate() {
        return certificate.join();
    }

    RTCConfiguration configuration() {
        return configuration;
    }

    MediaRouting media() {
        return media;
    }

    Negotiator negotiator() {
        return negotiator;
    }
}
