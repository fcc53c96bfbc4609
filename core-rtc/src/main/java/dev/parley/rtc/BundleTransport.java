package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.dtls.DtlsRole;
import dev.parley.rtc.dtls.DtlsTransport;
import dev.parley.rtc.dtls.DtlsTransportListener;
import dev.parley.rtc.dtls.SrtpKeyingMaterial;
import dev.parley.rtc.ice.CandidatePair;
import dev.parley.rtc.ice.IceAgent;
import dev.parley.rtc.ice.IceAgentListener;
import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.ice.IceCredentials;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.PacketDemultiplexer;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.srtp.SrtpException;
import dev.parley.rtc.srtp.SrtpSession;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transport every m-line of a call shares (max-bundle, rtcp-mux; RFC 8843, RFC 8829):
 * ICE carries datagrams, DTLS authenticates the peer and yields SRTP keys, SRTP protects media.
 *
 * <pre>
 *  ICE onPacket ─▶ demux (RFC 7983) ─┬─ DTLS ─▶ DtlsTransport ─▶ keys ─▶ SrtpSession
 *                                    └─ SRTP/SRTCP ─▶ [early queue until keys] ─▶ unprotect ─▶ listener
 *  sendRtp/sendRtcp ─▶ protect ─▶ IceAgent.send
 * </pre>
 *
 * <p>State and listener calls live on the peer connection's executor. {@link #sendRtp} and
 * {@link #sendRtcp} may be called from any thread (media threads): they serialise on the
 * outbound SRTP context. No media is delivered or sent before the DTLS handshake — which
 * includes the fingerprint check — has succeeded.
 */
final class BundleTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BundleTransport.class);

    /** What the transport tells the peer connection, on its executor. */
    interface Listener {
        default void onLocalCandidate(IceCandidate candidate) {}

        default void onGatheringStateChange(RTCIceGatheringState state) {}

        default void onCandidateError(String url, int errorCode, String errorText) {}

        default void onIceConnectionStateChange(RTCIceConnectionState state) {}

        default void onDtlsStateChange(RTCDtlsTransportState state) {}

        /** A decrypted, authenticated RTP packet. */
        default void onRtp(byte[] packet) {}

        /** A decrypted, authenticated RTCP compound packet. */
        default void onRtcp(byte[] packet) {}

        /** A DTLS application data record (SCTP, RFC 8261). */
        default void onApplicationData(byte[] data) {}
    }

    private final SerialExecutor executor;
    private final Listener listener;
    private final IceAgent ice;
    private final DtlsTransport dtls;
    private final int earlySrtpCapacity;
    private final ArrayDeque<byte[]> earlySrtp = new ArrayDeque<>();
    private final Object sendLock = new Object();
    /** A DTLS flight is a handful of datagrams; more waiting than this means nothing is listening. */
    private static final int MAX_UNSENT_DTLS = 16;
    private final List<byte[]> unsentDtls = new java.util.ArrayList<>();
    private volatile SrtpSession srtp;
    private boolean dtlsStarted;
    /** DTLS failed or was closed: SRTP can no longer get keys on this transport. */
    private boolean dtlsEnded;
    private List<Fingerprint> remoteFingerprints = List.of();

    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private long packetsReceived;
    private long bytesReceived;
    private long earlySrtpDropped;
    private long srtpDropped;
    private long unknownDropped;

    BundleTransport(Net net, SerialExecutor executor, EngineSettings settings, RTCConfiguration configuration,
            DtlsCertificate certificate, IceCredentials localCredentials, boolean controlling, Listener listener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.earlySrtpCapacity = settings.earlySrtpQueue();
        this.ice = new IceAgent(net, executor, settings.ice(), localCredentials, controlling,
                configuration.iceServers(), configuration.iceTransportPolicy(), new IceEvents(), settings.random());
        this.dtls = new DtlsTransport(certificate, this::sendDtls, settings.dtls(), executor, new DtlsEvents(),
                settings.random());
    }

    IceAgent ice() {
        return ice;
    }

    DtlsTransport dtls() {
        return dtls;
    }

    void gather() {
        ice.gather();
    }

    /**
     * Applies the negotiated remote transport: ICE credentials, and the DTLS role and
     * fingerprints the first time (later descriptions may not change them: the handshake is done
     * once per association). DTLS starts at once in either role: a client's first flight waits in
     * the unsent queue until ICE is writable, so its handshake thread and ClientHello are ready
     * before the first check succeeds rather than made after it.
     */
    void setRemote(IceCredentials remoteCredentials, List<Fingerprint> fingerprints, DtlsRole role) {
        ice.setRemoteCredentials(remoteCredentials);
        if (dtlsStarted) {
            return;
        }
        remoteFingerprints = List.copyOf(fingerprints);
        log.debug("DTLS starts as {} (ICE {})", role, ice.isControlling() ? "controlling" : "controlled");
        dtlsStarted = true;
        dtls.start(role, remoteFingerprints);
    }

    void addRemoteCandidate(IceCandidate candidate) {
        ice.addRemoteCandidate(candidate);
    }

    void endOfRemoteCandidates() {
        ice.endOfRemoteCandidates();
    }

    void restartIce(IceCredentials newLocal) {
        ice.restart(newLocal);
    }

    /** Whether SRTP keys exist: RTP sent before then is dropped. Any thread. */
    boolean canProtect() {
        return srtp != null;
    }

    /** Protects and sends one RTP packet; false if not yet possible (no keys, no pair) or refused. */
    boolean sendRtp(byte[] packet) {
        return protectAndSend(packet, SrtpSession::protectRtp, "RTP");
    }

    /** Protects and sends one RTCP compound packet. */
    boolean sendRtcp(byte[] packet) {
        return protectAndSend(packet, SrtpSession::protectRtcp, "RTCP");
    }

    /** SRTP's protect for RTP or for RTCP. */
    @FunctionalInterface
    private interface Protection {
        byte[] protect(SrtpSession session, byte[] packet) throws SrtpException;
    }

    private boolean protectAndSend(byte[] packet, Protection protection, String what) {
        SrtpSession session = srtp;
        if (session == null) {
            return false;
        }
        byte[] protectedPacket;
        try {
            synchronized (sendLock) { // one outbound SRTP context, senders on several threads
                protectedPacket = protection.protect(session, packet);
            }
        } catch (SrtpException e) {
            log.debug("{} packet not sent: {}", what, e.getMessage());
            return false;
        }
        return sendDatagram(protectedPacket);
    }

    /** Sends an SCTP packet over DTLS (data channels, #5). */
    boolean sendApplicationData(byte[] data) {
        return dtls.send(data);
    }

    /**
     * DTLS out, on the DTLS thread. A flight ICE cannot carry yet is kept and sent the moment ICE
     * becomes writable: the offerer's DTLS server can get the answerer's ClientHello before its
     * own first check succeeded, and losing its reply would cost a whole retransmission timeout.
     */
    private boolean sendDtls(byte[] datagram) {
        if (sendDatagram(datagram)) {
            return true;
        }
        synchronized (unsentDtls) {
            if (unsentDtls.size() < MAX_UNSENT_DTLS) {
                unsentDtls.add(datagram);
            }
        }
        return false;
    }

    /** ICE can send now: the DTLS datagrams that found no path go out (on the executor). */
    private void flushUnsentDtls() {
        List<byte[]> flight;
        synchronized (unsentDtls) {
            flight = new java.util.ArrayList<>(unsentDtls);
            unsentDtls.clear();
        }
        for (byte[] datagram : flight) {
            sendDatagram(datagram);
        }
    }

    private boolean sendDatagram(byte[] datagram) {
        boolean sent = ice.send(datagram);
        if (sent) {
            packetsSent.incrementAndGet();
            bytesSent.addAndGet(datagram.length);
        }
        return sent;
    }

    // ---- receive path (executor) -------------------------------------------------------------

    private void onPacket(byte[] packet) {
        packetsReceived++;
        bytesReceived += packet.length;
        switch (PacketDemultiplexer.classify(packet)) {
            case DTLS:
                dtls.onPacket(packet);
                break;
            case RTP:
            case RTCP:
                onSrtp(packet);
                break;
            default:
                unknownDropped++;
                break;
        }
    }

    private void onSrtp(byte[] packet) {
        SrtpSession session = srtp;
        if (session == null) {
            if (dtlsEnded) {
                srtpDropped++; // no keys will come any more: nothing to wait for
                return;
            }
            if (earlySrtp.size() >= earlySrtpCapacity) {
                earlySrtpDropped++;
                return;
            }
            earlySrtp.add(packet);
            return;
        }
        unprotect(session, packet);
    }

    private void unprotect(SrtpSession session, byte[] packet) {
        try {
            if (PacketDemultiplexer.classify(packet) == dev.parley.rtc.net.PacketKind.RTCP) {
                listener.onRtcp(session.unprotectRtcp(packet));
            } else {
                listener.onRtp(session.unprotectRtp(packet));
            }
        } catch (SrtpException e) {
            srtpDropped++; // the session counts why (auth, replay, malformed) for stats
        }
    }

    private void onDtlsState(RTCDtlsTransportState state) {
        if (state == RTCDtlsTransportState.CONNECTED) {
            SrtpKeyingMaterial material = dtls.srtpKeyingMaterial().orElse(null);
            DtlsRole role = dtls.role().orElseThrow();
            if (material != null) {
                SrtpSession session = material.keysFor(role).newSession();
                srtp = session;
                while (!earlySrtp.isEmpty()) {
                    unprotect(session, earlySrtp.poll());
                }
            } else {
                log.warn("DTLS connected without use_srtp: media cannot flow on this transport");
            }
        } else if (state == RTCDtlsTransportState.FAILED || state == RTCDtlsTransportState.CLOSED) {
            srtp = null;
            dtlsEnded = true;
            earlySrtpDropped += earlySrtp.size();
            earlySrtp.clear();
        }
        listener.onDtlsStateChange(state);
    }

    // ---- stats ----------------------------------------------------------------------------------

    long packetsSent() {
        return packetsSent.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    /** Read on the executor. */
    long packetsReceived() {
        return packetsReceived;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    /** SRTP/SRTCP packets refused: failed authentication, replayed, malformed, early overflow. */
    long srtpDropped() {
        return srtpDropped + earlySrtpDropped;
    }

    long unknownDropped() {
        return unknownDropped;
    }

    /** The session's own counters (auth failures, replays), once keys exist. */
    SrtpSession srtpSession() {
        return srtp;
    }

    @Override
    public void close() {
        dtls.close();
        ice.close();
    }

    private final class IceEvents implements IceAgentListener {
        @Override
        public void onLocalCandidate(IceCandidate candidate) {
            listener.onLocalCandidate(candidate);
        }

        @Override
        public void onGatheringStateChange(RTCIceGatheringState state) {
            listener.onGatheringStateChange(state);
        }

        @Override
        public void onCandidateError(String url, int errorCode, String errorText) {
            listener.onCandidateError(url, errorCode, errorText);
        }

        @Override
        public void onConnectionStateChange(RTCIceConnectionState state) {
            listener.onIceConnectionStateChange(state);
        }

        @Override
        public void onWritable() {
            flushUnsentDtls();
        }

        @Override
        public void onSelectedPairChange(CandidatePair pair) {
            flushUnsentDtls();
        }

        @Override
        public void onPacket(byte[] packet, CandidatePair pair) {
            BundleTransport.this.onPacket(packet);
        }
    }

    private final class DtlsEvents implements DtlsTransportListener {
        @Override
        public void onStateChange(RTCDtlsTransportState state) {
            onDtlsState(state);
        }

        @Override
        public void onApplicationData(byte[] data) {
            listener.onApplicationData(data);
        }
    }
}
