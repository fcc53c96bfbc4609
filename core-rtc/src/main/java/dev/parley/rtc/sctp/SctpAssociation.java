package dev.parley.rtc.sctp;

import dev.parley.rtc.net.SerialExecutor;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCTP association over a DTLS transport (RFC 8261), as WebRTC data channels use it (RFC 8831):
 * both ends may {@link #connect()} at once (INIT collision, RFC 9260 §5.2.1), user messages go out
 * on streams with a reliability each, and come in whole through the listener.
 *
 * <p>It wires the parts that do the work — {@link SctpHandshake} (INIT to COOKIE ACK),
 * {@link ReceivedTsns} and {@link StreamReassembler} (the receive side), {@link SendQueue} and
 * {@link RetransmissionQueue} (the send side with congestion control), {@link StreamResets}
 * (RFC 6525), {@link OutgoingPackets} (bundling) — to the timers and the lower transport. The
 * state machine is drawn in {@link SctpAssociationState}.
 *
 * <p>Everything runs on one {@link SerialExecutor}: calls from other threads hop onto it.
 */
public final class SctpAssociation {
    private static final Logger log = LoggerFactory.getLogger(SctpAssociation.class);

    final SerialExecutor executor;
    final SctpSettings settings;
    final SctpAssociationListener listener;
    final SctpCounters counters = new SctpCounters();
    final int localPort;
    final int remotePort;
    private final Consumer<byte[]> lower;
    final SctpHandshake handshake;
    private final OutgoingPackets outgoing;
    final StreamResets resets;
    private final AssociationTimer t3;
    private final AssociationTimer sackTimer;
    private final AssociationTimer heartbeatTimer;
    private final AssociationTimer shutdownTimer;

    SctpAssociationState state = SctpAssociationState.CLOSED;
    /** Set once established: the negotiated parameters and the data path. */
    DataPath data;
    private int packetsSinceSack;
    private boolean sackNow;
    private boolean sendShutdownAck;
    private byte[] pendingHeartbeatNonce;
    private long heartbeatSentNanos;
    private int heartbeatFailures;

    /**
     * @param lower sends one SCTP packet (a DTLS record); called on the executor
     */
    public SctpAssociation(SerialExecutor executor, SctpSettings settings, int localPort, int remotePort,
                           SecureRandom random, Consumer<byte[]> lower, SctpAssociationListener listener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lower = Objects.requireNonNull(lower, "lower");
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.handshake = new SctpHandshake(this, random);
        this.outgoing = new OutgoingPackets(settings.maxPacketSize());
        this.resets = new StreamResets(this);
        this.t3 = new AssociationTimer(executor, this::onT3Expired);
        this.sackTimer = new AssociationTimer(executor, () -> {
            sackNow = true;
            flush();
        });
        this.heartbeatTimer = new AssociationTimer(executor, this::onHeartbeatTimer);
        this.shutdownTimer = new AssociationTimer(executor, this::onShutdownTimer);
    }

    // ---- user calls (any thread) ----------------------------------------------------------------

    /** Starts the handshake (RFC 9260 §5.1); the peer may do the same at the same time. */
    public void connect() {
        onExecutor(handshake::connect);
    }

    /**
     * Queues a message. The caller has checked the size against the peer's max-message-size and
     * that the association is established.
     */
    public void send(int streamId, long ppid, byte[] payload, boolean unordered, Reliability reliability) {
        onExecutor(() -> {
            if (data == null || state != SctpAssociationState.ESTABLISHED) {
                log.debug("message on stream {} dropped: association {}", streamId, state);
                return;
            }
            data.sendQueue.enqueue(streamId, ppid, payload, unordered, reliability, executor.nanoTime());
            flush();
        });
    }

    /** Resets our outgoing streams once their queued messages are sent (RFC 6525 §5.1.2). */
    public void resetStreams(List<Integer> streamIds) {
        List<Integer> ids = List.copyOf(streamIds);
        onExecutor(() -> {
            resets.requestOutgoing(ids);
            flush();
        });
    }

    /** Graceful close (RFC 9260 §9.2): queued data is delivered first. */
    public void shutdown() {
        onExecutor(() -> {
            if (state == SctpAssociationState.ESTABLISHED) {
                setState(SctpAssociationState.SHUTDOWN_PENDING);
                maybeSendShutdown();
            } else if (state == SctpAssociationState.COOKIE_WAIT || state == SctpAssociationState.COOKIE_ECHOED) {
                closeNow(null);
            }
        });
    }

    /** Ends at once with an ABORT (RFC 9260 §9.1). */
    public void abort(String reason) {
        onExecutor(() -> {
            if (state != SctpAssociationState.CLOSED) {
                send(List.of(new AbortChunk(false, List.of(ErrorCause.userInitiatedAbort(reason)))));
                closeNow(null);
            }
        });
    }

    /** One DTLS application data record from the peer; call on the executor. */
    public void onPacket(byte[] bytes) {
        SctpPacket packet;
        try {
            packet = SctpPacket.parse(bytes, 0, bytes.length);
        } catch (SctpNoUserDataException e) {
            counters.malformedPackets++;
            onDataWithoutUserData(e);
            return;
        } catch (SctpParseException e) {
            counters.malformedPackets++;
            log.debug("SCTP packet dropped: {}", e.getMessage());
            return;
        }
        counters.packetsReceived++;
        if (packet.destinationPort() != localPort || packet.sourcePort() != remotePort) {
            counters.badPortPackets++;
            return;
        }
        new IncomingPacket(this, packet).process();
        flush();
    }

    public SctpAssociationState state() {
        return state;
    }

    /** Streams the peer accepts from us (its MIS), 0 until established. */
    public int outboundStreams() {
        return data == null ? 0 : data.outboundStreams;
    }

    /** Counters for stats and tests; read on the executor. */
    public SctpCounters counters() {
        return counters;
    }

    /** Bytes queued or in flight across all streams; read on the executor. */
    public long bytesInFlight() {
        return data == null ? 0 : data.retransmissions.flightSize() + data.sendQueue.totalBufferedAmount();
    }

    // ---- inside ------------------------------------------------------------------------------

    void onExecutor(Runnable task) {
        if (executor.inExecutor()) {
            task.run();
        } else {
            executor.execute(task);
        }
    }

    void setState(SctpAssociationState next) {
        if (state != next) {
            log.debug("SCTP association {} -> {}", state, next);
            state = next;
            listener.onStateChange(next);
        }
    }

    /** The handshake completed: the data path with the negotiated parameters. */
    void established(DataPath path) {
        this.data = path;
        setState(SctpAssociationState.ESTABLISHED);
        restartHeartbeat();
    }

    /** Sends control chunks now, bundled into as few packets as fit. */
    void send(List<Chunk> chunks) {
        long tag = handshake.peerTag();
        for (byte[] packet : outgoing.pack(localPort, remotePort, tag, chunks, budget -> List.of())) {
            transmit(packet);
        }
    }

    /** Sends one packet with an explicit verification tag (INIT uses 0, reflected ones the peer's). */
    void sendWithTag(long verificationTag, Chunk chunk) {
        transmit(new SctpPacket(localPort, remotePort, verificationTag, List.of(chunk)).toBytes());
    }

    private void transmit(byte[] packet) {
        counters.packetsSent++;
        lower.accept(packet);
    }

    /** A DATA chunk arrived and was accepted or found duplicate: decide when to SACK (§6.2). */
    void dataReceived(boolean immediately) {
        if (state == SctpAssociationState.SHUTDOWN_SENT) {
            // RFC 9260 §9.2: each packet with DATA is answered with a SHUTDOWN, and T2-shutdown starts over,
            // so a peer still busy sending us its queued data is not taken for one that stopped answering.
            shutdownTimer.stop();
            sendShutdown();
        }
        packetsSinceSack++;
        if (immediately || packetsSinceSack >= 2) {
            sackNow = true;
        } else {
            sackTimer.startIfIdle(settings.delayedAck().toNanos());
        }
    }

    void sackImmediately() {
        sackNow = true;
    }

    void onSack(SackChunk sack) {
        if (data == null) {
            return;
        }
        RetransmissionQueue.SackResult result = data.retransmissions.onSack(sack, executor.nanoTime());
        if (result.status() == RetransmissionQueue.SackStatus.INVALID) {
            String why = "the peer acknowledged TSN " + sack.cumulativeTsnAck() + " that was never sent";
            send(List.of(new AbortChunk(false, List.of(ErrorCause.protocolViolation(why)))));
            closeNow(why);
            return;
        }
        if (result.status() == RetransmissionQueue.SackStatus.STALE) {
            return;
        }
        heartbeatFailures = 0;
        switch (result.t3()) {
            case RESTART -> {
                t3.stop(); // a new acknowledgement: the retransmission count starts over (§8.3)
                t3.start(data.rto.rtoNanos());
            }
            case START_IF_STOPPED -> t3.startIfIdle(data.rto.rtoNanos());
            case STOP -> t3.stop();
            case NONE -> { }
        }
        maybeSendShutdown();
    }

    void onShutdown(ShutdownChunk shutdown) {
        if (data == null) {
            return;
        }
        onSack(new SackChunk(shutdown.cumulativeTsnAck(), data.peerReceiverWindow(), List.of(), List.of()));
        if (state == SctpAssociationState.ESTABLISHED || state == SctpAssociationState.SHUTDOWN_PENDING) {
            setState(SctpAssociationState.SHUTDOWN_RECEIVED);
        }
        if (state == SctpAssociationState.SHUTDOWN_SENT) {
            // RFC 9260 §9.2: a SHUTDOWN crossing ours is answered by a SHUTDOWN ACK.
            setState(SctpAssociationState.SHUTDOWN_ACK_SENT);
            sendShutdownAck = true;
        }
        maybeSendShutdown();
    }

    void onShutdownAck() {
        if (state == SctpAssociationState.SHUTDOWN_SENT || state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
            send(List.of(new ShutdownCompleteChunk(false)));
            closeNow(null);
        }
    }

    void onShutdownComplete() {
        if (state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
            closeNow(null);
        }
    }

    void onAbort(AbortChunk abort) {
        String why = abort.causes().isEmpty() ? "no cause given" : abort.causes().toString();
        closeNow("the peer aborted the association: " + why);
    }

    void onHeartbeatAck(HeartbeatAckChunk ack) {
        if (pendingHeartbeatNonce != null && java.util.Arrays.equals(ack.info(), pendingHeartbeatNonce)) {
            pendingHeartbeatNonce = null;
            heartbeatFailures = 0;
            if (data != null) {
                data.rto.onRttMeasurement(executor.nanoTime() - heartbeatSentNanos);
            }
        }
    }

    /** Ends the association; {@code failure} non-null reports an abnormal end. */
    void closeNow(String failure) {
        if (state == SctpAssociationState.CLOSED && failure == null) {
            return;
        }
        handshake.stopTimers();
        t3.stop();
        sackTimer.stop();
        heartbeatTimer.stop();
        shutdownTimer.stop();
        resets.stop();
        boolean wasOpen = state != SctpAssociationState.CLOSED;
        setState(SctpAssociationState.CLOSED);
        if (failure != null && wasOpen) {
            log.info("SCTP association failed: {}", failure);
            listener.onFailure(failure);
        }
    }

    /**
     * Sends what is due: a SACK, RE-CONFIG and FORWARD TSN chunks, then DATA as far as the
     * congestion and receiver windows allow, bundled into packets (RFC 9260 §6.10).
     */
    void flush() {
        if (state == SctpAssociationState.CLOSED || data == null) {
            return;
        }
        List<Chunk> control = new ArrayList<>();
        if (sackNow) {
            control.add(data.received.toSack(data.receiveWindowCredit()));
            sackNow = false;
            packetsSinceSack = 0;
            sackTimer.stop();
        }
        data.retransmissions.pollForwardTsn().ifPresent(control::add);
        resets.pendingChunk().ifPresent(control::add);
        if (sendShutdownAck) {
            sendShutdownAck = false;
            control.add(new ShutdownAckChunk());
        }
        long now = executor.nanoTime();
        boolean dataAllowed = state == SctpAssociationState.ESTABLISHED
                || state == SctpAssociationState.SHUTDOWN_PENDING
                || state == SctpAssociationState.SHUTDOWN_RECEIVED;
        List<byte[]> packets = outgoing.pack(localPort, remotePort, handshake.peerTag(), control,
                dataAllowed ? budget -> data.retransmissions.nextToSend(now, budget) : budget -> List.of());
        for (byte[] packet : packets) {
            transmit(packet);
        }
        if (data.retransmissions.hasOutstanding()) {
            t3.startIfIdle(data.rto.rtoNanos());
        }
        if (!packets.isEmpty()) {
            restartHeartbeat();
        }
        resets.maybeSendRequest();
        maybeSendShutdown();
    }

    private void onT3Expired() {
        if (data == null || state == SctpAssociationState.CLOSED) {
            return;
        }
        counters.t3Expiries++;
        if (t3.expiries() > settings.maxRetransmits()) {
            abortUnreachable("no acknowledgement after " + settings.maxRetransmits() + " retransmissions");
            return;
        }
        data.retransmissions.onT3Expired(executor.nanoTime()); // backs the RTO off too
        flush();
        if (data.retransmissions.hasOutstanding() && !t3.isRunning()) {
            t3.start(data.rto.rtoNanos());
        }
    }

    /** RFC 9260 §8.3: a heartbeat on an idle path, its answer an RTT sample and a sign of life. */
    private void onHeartbeatTimer() {
        if (data == null || state == SctpAssociationState.CLOSED) {
            return;
        }
        if (pendingHeartbeatNonce != null) {
            if (++heartbeatFailures > settings.maxRetransmits()) {
                abortUnreachable("no heartbeat acknowledgement after " + settings.maxRetransmits() + " tries");
                return;
            }
            data.rto.backOff(); // the previous heartbeat went unanswered: back the RTO off (§8.3, §6.3.3 E2)
        }
        pendingHeartbeatNonce = new byte[16];
        handshake.random().nextBytes(pendingHeartbeatNonce);
        heartbeatSentNanos = executor.nanoTime();
        send(List.of(new HeartbeatChunk(pendingHeartbeatNonce)));
        heartbeatTimer.start(heartbeatDelayNanos());
    }

    private void restartHeartbeat() {
        if (data != null && pendingHeartbeatNonce == null) {
            heartbeatTimer.start(heartbeatDelayNanos());
        }
    }

    /** RFC 9260 §8.3: HB.interval plus the RTO jittered by ±50%, so that peers do not heartbeat in step. */
    private long heartbeatDelayNanos() {
        double jitter = 0.5 + handshake.random().nextDouble();
        return settings.heartbeatInterval().toNanos() + (long) (data.rto.rtoNanos() * jitter);
    }

    /**
     * RFC 9260 §6.2: a DATA chunk without user data is answered with an ABORT carrying "No User
     * Data" — if the packet is really our peer's (its tag is ours, §8.5); otherwise it is only dropped.
     */
    private void onDataWithoutUserData(SctpNoUserDataException e) {
        log.debug("SCTP packet dropped: {}", e.getMessage());
        if (data == null || state == SctpAssociationState.CLOSED || e.verificationTag() != handshake.localTag()) {
            return;
        }
        send(List.of(new AbortChunk(false, List.of(ErrorCause.noUserData(e.tsn())))));
        closeNow("the peer sent a DATA chunk without user data (TSN " + e.tsn() + ")");
    }

    private void abortUnreachable(String why) {
        send(List.of(new AbortChunk(false, List.of(ErrorCause.userInitiatedAbort(why)))));
        closeNow(why);
    }

    /** RFC 9260 §9.2: SHUTDOWN (or SHUTDOWN ACK) once nothing is queued or outstanding. */
    private void maybeSendShutdown() {
        if (data == null || !data.retransmissions.isEmpty()) {
            return;
        }
        if (state == SctpAssociationState.SHUTDOWN_PENDING) {
            setState(SctpAssociationState.SHUTDOWN_SENT);
            sendShutdown();
        } else if (state == SctpAssociationState.SHUTDOWN_RECEIVED) {
            setState(SctpAssociationState.SHUTDOWN_ACK_SENT);
            send(List.of(new ShutdownAckChunk()));
            shutdownTimer.start(data.rto.rtoNanos());
        }
    }

    private void sendShutdown() {
        send(List.of(new ShutdownChunk(data.received.cumulativeTsnAck())));
        shutdownTimer.start(data.rto.rtoNanos());
    }

    private void onShutdownTimer() {
        if (shutdownTimer.expiries() > settings.maxRetransmits()) {
            abortUnreachable("no answer to SHUTDOWN");
            return;
        }
        data.rto.backOff();
        if (state == SctpAssociationState.SHUTDOWN_SENT) {
            sendShutdown();
        } else if (state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
            send(List.of(new ShutdownAckChunk()));
            shutdownTimer.start(data.rto.rtoNanos());
        }
    }

    long millisNow() {
        return TimeUnit.NANOSECONDS.toMillis(executor.nanoTime());
    }
}
