package dev.parley.rtc;

import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.net.RealNet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two peer connections in one JVM on 127.0.0.1 with a signalling channel between them that
 * follows MDN's perfect-negotiation pattern: each side answers {@code negotiationneeded} with an
 * offer; on a collision the polite side rolls back and the impolite side ignores the offer.
 * Messages travel in order on one thread per direction, like a WebSocket.
 */
final class PeerPair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerPair.class);

    final Peer polite;
    final Peer impolite;
    private final RealNet net = new RealNet();

    PeerPair() {
        this(net -> net);
    }

    /** A pair whose polite peer sends through {@code politeNet} made from the shared one (loss, say). */
    PeerPair(java.util.function.UnaryOperator<dev.parley.rtc.net.Net> politeNet) {
        this(politeNet, MediaEngine.defaults());
    }

    /** A pair offering {@code engine}'s codecs (both sides). */
    PeerPair(MediaEngine engine) {
        this(net -> net, engine);
    }

    PeerPair(java.util.function.UnaryOperator<dev.parley.rtc.net.Net> politeNet, MediaEngine engine) {
        EngineSettings settings = EngineSettings.builder().net(net).ice(IceSettings.DEFAULTS.loopbackOnly()).build();
        EngineSettings politeSettings = EngineSettings.builder().net(politeNet.apply(net))
                .ice(IceSettings.DEFAULTS.loopbackOnly()).build();
        polite = new Peer("polite", true, new RTCPeerConnection(RTCConfiguration.defaults(), politeSettings, engine));
        impolite = new Peer("impolite", false, new RTCPeerConnection(RTCConfiguration.defaults(), settings, engine));
        polite.remote = impolite;
        impolite.remote = polite;
        polite.listen();
        impolite.listen();
    }

    /** Waits until both sides report {@code connected}. */
    void awaitConnected(long seconds) throws Exception {
        CompletableFuture.allOf(polite.connected, impolite.connected).get(seconds, TimeUnit.SECONDS);
    }

    /** Waits until both sides are stable with no negotiation outstanding. */
    void awaitStable(long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            CompletableFuture<Void> a = polite.stableAndIdle();
            CompletableFuture<Void> b = impolite.stableAndIdle();
            CompletableFuture.allOf(a, b).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (polite.quiet() && impolite.quiet()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        polite.close();
        impolite.close();
        net.close();
    }

    static final class Peer implements RTCPeerConnectionListener {
        final String name;
        final boolean isPolite;
        final RTCPeerConnection pc;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final java.util.concurrent.LinkedBlockingQueue<RTCTrackEvent> tracks = new java.util.concurrent.LinkedBlockingQueue<>();
        /** Channels the peer announced ({@code datachannel} events), in order. */
        final java.util.concurrent.LinkedBlockingQueue<RTCDataChannel> dataChannels = new java.util.concurrent.LinkedBlockingQueue<>();
        /** Signalling messages to this peer arrive in order on this thread. */
        private final ExecutorService inbox;
        volatile Peer remote;
        private volatile boolean makingOffer;
        private volatile boolean ignoreOffer;
        private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger negotiations = new java.util.concurrent.atomic.AtomicInteger();
        /** One element per negotiationneeded event, so a test can wait for the next one. */
        final java.util.concurrent.LinkedBlockingQueue<Integer> negotiationEvents = new java.util.concurrent.LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger rollbacksSeen = new java.util.concurrent.atomic.AtomicInteger();

        Peer(String name, boolean isPolite, RTCPeerConnection pc) {
            this.name = name;
            this.isPolite = isPolite;
            this.pc = pc;
            this.inbox = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-signalling"));
        }

        void listen() {
            pc.addListener(this);
        }

        private void send(Runnable message) {
            Peer peer = remote;
            peer.inFlight.incrementAndGet();
            peer.inbox.execute(() -> {
                try {
                    message.run();
                } finally {
                    peer.inFlight.decrementAndGet();
                }
            });
        }

        /**
         * Like a browser's event loop, the peer's own thread handles negotiationneeded and the
         * messages, one at a time: MDN's pattern relies on that ({@code makingOffer} is only
         * meaningful on that thread).
         */
        @Override
        public void onNegotiationNeeded() {
            negotiationEvents.add(negotiations.incrementAndGet());
            inFlight.incrementAndGet();
            inbox.execute(() -> {
                try {
                    makingOffer = true;
                    pc.setLocalDescription().join();
                    RTCSessionDescription description = pc.localDescription();
                    send(() -> remote.onDescription(description));
                } catch (RuntimeException e) {
                    LOG.info("{}: offer failed: {}", name, e.toString());
                } finally {
                    makingOffer = false;
                    inFlight.decrementAndGet();
                }
            });
        }

        /** MDN perfect negotiation, on the signalling thread; a failure is logged, as an app would. */
        void onDescription(RTCSessionDescription description) {
            try {
                negotiate(description);
            } catch (RuntimeException e) {
                LOG.warn("{}: applying the peer's {} failed", name, description.type(), e);
            }
        }

        private void negotiate(RTCSessionDescription description) {
            boolean offerCollision = description.type() == RTCSdpType.OFFER
                    && (makingOffer || pc.signalingState() != RTCSignalingState.STABLE);
            ignoreOffer = !isPolite && offerCollision;
            if (ignoreOffer) {
                LOG.info("{}: ignoring a colliding offer", name);
                return;
            }
            if (offerCollision) {
                rollbacksSeen.incrementAndGet();
            }
            pc.setRemoteDescription(description).join();
            if (description.type() == RTCSdpType.OFFER) {
                pc.setLocalDescription().join();
                RTCSessionDescription answer = pc.localDescription();
                send(() -> remote.onDescription(answer));
            }
        }

        /**
         * Through this side's own thread, like every event: the candidate then follows the
         * description it belongs to (sent from that thread), as it would in a browser. Sent
         * straight from the executor it could overtake the offer and be refused.
         */
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            if (candidate == null) {
                return;
            }
            inFlight.incrementAndGet();
            inbox.execute(() -> {
                try {
                    sendCandidate(candidate);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }

        private void sendCandidate(RTCIceCandidate candidate) {
            send(() -> {
                try {
                    remote.pc.addIceCandidate(candidate).join();
                } catch (RuntimeException e) {
                    if (!remote.ignoreOffer) {
                        LOG.info("{}: candidate refused: {}", remote.name, e.toString());
                    }
                }
            });
        }

        @Override
        public void onConnectionStateChange(RTCPeerConnectionState state) {
            LOG.info("{}: connection {}", name, state);
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (state == RTCPeerConnectionState.FAILED) {
                connected.completeExceptionally(new AssertionError(name + " failed"));
            }
        }

        @Override
        public void onTrack(RTCTrackEvent event) {
            tracks.add(event);
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            dataChannels.add(channel);
        }

        /** Completes when this side's signalling inbox is drained (an ordering barrier). */
        CompletableFuture<Void> stableAndIdle() {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            inbox.execute(() -> drained.complete(null));
            return drained;
        }

        boolean quiet() {
            return inFlight.get() == 0 && !makingOffer && pc.signalingState() == RTCSignalingState.STABLE;
        }

        void close() {
            pc.close();
            inbox.shutdownNow();
        }
    }
}
