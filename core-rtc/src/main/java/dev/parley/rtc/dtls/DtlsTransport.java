package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
import dev.parley.rtc.sdp.Fingerprint;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 association (RFC 6347) over an ICE transport, as WebRTC uses it (RFC 8827 §6.5,
 * RFC 8842): mutual authentication by certificate fingerprints from SDP, SRTP keys exported per
 * RFC 5764, and application data for SCTP (RFC 8261).
 *
 * <pre>
 *  onPacket ──▶ [bounded queue] ──▶ parley-dtls thread: handshake, then read loop ──▶ listener
 *  send ──────────────────────────▶ BouncyCastle record layer ──▶ DtlsLowerTransport.send
 * </pre>
 *
 * <p>BouncyCastle's DTLS protocol blocks, so each transport runs it on its own thread, never on
 * the ICE executor. Packets may be fed in before {@link #start}: they wait in the queue. The
 * handshake's retransmissions and fragmentation (RFC 6347 §4.1.1.1, §4.2.4) are BouncyCastle's;
 * {@link QueuedDatagramTransport} packs each flight into MTU-sized datagrams and
 * {@link DtlsRecordScreen} keeps out datagrams that would poison the epoch-0 replay window.
 *
 * <p>Listener calls go through the executor given to the constructor, in order if it is serial.
 * Keys and application data are released only after the handshake succeeded, which includes
 * the fingerprint check; a failed handshake releases neither.
 */
public final class DtlsTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtlsTransport.class);
    /** How often the read loop looks at the state while no datagram arrives. */
    private static final long IDLE_POLL_MILLIS = 250;

    private final DtlsCertificate certificate;
    private final DtlsSettings settings;
    private final Executor listenerExecutor;
    private final DtlsTransportListener listener;
    private final SecureRandom random;
    private final QueuedDatagramTransport datagrams;
    private final Alerts alerts = new Alerts();

    private final Object lock = new Object();
    private RTCDtlsTransportState state = RTCDtlsTransportState.NEW;
    private String failureReason;
    /**
     * BouncyCastle's record layer is not safe for concurrent writes (one cipher state per epoch),
     * and its receive path can write too (alerts, a retransmitted final flight): both hold this.
     */
    private final Object recordLock = new Object();
    private volatile DTLSTransport dtls;
    private volatile DtlsRole role;
    private volatile SrtpKeyingMaterial srtpKeys;
    private volatile byte[] remoteCertificate;
    private volatile int cipherSuite = -1;

    /**
     * @param lower where our datagrams go ({@code iceAgent::send})
     * @param listenerExecutor runs listener calls; a serial executor keeps them in order
     */
    public DtlsTransport(DtlsCertificate certificate, DtlsLowerTransport lower, DtlsSettings settings,
            Executor listenerExecutor, DtlsTransportListener listener, SecureRandom random) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listenerExecutor = Objects.requireNonNull(listenerExecutor, "listenerExecutor");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.random = Objects.requireNonNull(random, "random");
        this.datagrams = new QueuedDatagramTransport(Objects.requireNonNull(lower, "lower"),
                settings.mtu(), settings.receiveQueueCapacity());
    }

    /**
     * A received DTLS datagram (first byte 20..63, RFC 7983), from any thread; never blocks.
     * Queued even before {@link #start}; dropped (and counted) when the queue is full or after close.
     */
    public void onPacket(byte[] datagram) {
        datagrams.offer(datagram);
    }

    /**
     * Starts the handshake on a new {@code parley-dtls} thread.
     *
     * @param role from the negotiated {@code a=setup} ({@link DtlsRole#fromLocalSetup})
     * @param remoteFingerprints the peer's {@code a=fingerprint} values; its certificate must match one
     * @throws IllegalStateException if already started or closed
     */
    public void start(DtlsRole role, List<Fingerprint> remoteFingerprints) {
        Objects.requireNonNull(role, "role");
        RemoteFingerprintVerifier verifier = new RemoteFingerprintVerifier(remoteFingerprints);
        synchronized (lock) {
            if (state != RTCDtlsTransportState.NEW) {
                throw new IllegalStateException("DTLS transport already " + state);
            }
            this.role = role;
            setState(RTCDtlsTransportState.CONNECTING);
        }
        Thread thread = new Thread(() -> run(role, verifier), "parley-dtls");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Sends one application data record (an SCTP packet), from any thread.
     *
     * @return false if not connected or the transport failed while sending
     * @throws IllegalArgumentException if larger than {@link #maxApplicationDataSize()}
     */
    public boolean send(byte[] data) {
        DTLSTransport t = dtls;
        if (t == null || state() != RTCDtlsTransportState.CONNECTED) {
            return false;
        }
        try {
            if (data.length > t.getSendLimit()) {
                throw new IllegalArgumentException(data.length + " bytes exceed the DTLS send limit " + t.getSendLimit());
            }
            synchronized (recordLock) {
                t.send(data, 0, data.length);
            }
            return true;
        } catch (IOException e) {
            fail("sending failed: " + e.getMessage());
            return false;
        }
    }

    /** The largest application data record that fits the MTU, or 0 before connected. */
    public int maxApplicationDataSize() {
        DTLSTransport t = dtls;
        try {
            return t == null ? 0 : t.getSendLimit();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Sends close_notify if connected (RFC 5246 §7.2.1) and stops; the state becomes closed. Idempotent. */
    @Override
    public void close() {
        DTLSTransport t;
        synchronized (lock) {
            if (isFinal(state)) {
                return;
            }
            t = dtls;
            setState(RTCDtlsTransportState.CLOSED);
        }
        if (t != null) {
            synchronized (recordLock) {
                try {
                    t.close();
                } catch (IOException e) {
                    log.debug("close_notify not sent: {}", e.toString());
                }
            }
        }
        datagrams.close();
    }

    public RTCDtlsTransportState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Why the transport failed; empty unless {@link RTCDtlsTransportState#FAILED}. */
    public Optional<String> failureReason() {
        synchronized (lock) {
            return Optional.ofNullable(failureReason);
        }
    }

    /** The SRTP keys, once connected with {@code use_srtp} negotiated; never after a failed handshake. */
    public Optional<SrtpKeyingMaterial> srtpKeyingMaterial() {
        return Optional.ofNullable(srtpKeys);
    }

    /** The role given to {@link #start}, or empty before. */
    public Optional<DtlsRole> role() {
        return Optional.ofNullable(role);
    }

    /** The peer's DER certificate, once it passed the fingerprint check. */
    public Optional<byte[]> remoteCertificate() {
        byte[] c = remoteCertificate;
        return c == null ? Optional.empty() : Optional.of(c.clone());
    }

    /** The negotiated TLS cipher suite id (IANA), or -1 before connected. */
    public int cipherSuite() {
        return cipherSuite;
    }

    public DtlsCertificate localCertificate() {
        return certificate;
    }

    /** Received datagrams dropped before BouncyCastle saw them: not DTLS-shaped, or the queue was full. */
    public long discardedPackets() {
        return datagrams.droppedMalformed() + datagrams.droppedFull();
    }

    private void run(DtlsRole role, RemoteFingerprintVerifier verifier) {
        JcaTlsCrypto crypto = DtlsCrypto.create(random);
        long started = System.nanoTime();
        DTLSTransport transport;
        SrtpKeyingMaterial keys;
        TlsContext context;
        try {
            if (role == DtlsRole.CLIENT) {
                WebRtcDtlsClient client = new WebRtcDtlsClient(crypto, certificate, verifier, settings, alerts);
                transport = new DTLSClientProtocol().connect(client, datagrams);
                context = client.context();
                keys = client.srtpKeys();
            } else {
                WebRtcDtlsServer server = new WebRtcDtlsServer(crypto, certificate, verifier, settings, alerts);
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // No HelloVerifyRequest cookie round trip: ICE checks already proved the peer's
                // address (RFC 8842 §5 leaves it out; browsers do not send it either).
                protocol.setVerifyRequests(false);
                transport = protocol.accept(server, datagrams);
                context = server.context();
                keys = server.srtpKeys();
            }
        } catch (IOException | RuntimeException e) {
            datagrams.flush(); // our alert, if BouncyCastle raised one, still goes out
            handshakeFailed(e, verifier);
            return;
        }
        datagrams.stopCoalescing();
        synchronized (lock) {
            if (state != RTCDtlsTransportState.CONNECTING) {
                closeQuietly(transport); // closed while the last flight was on its way
                return;
            }
            dtls = transport;
            srtpKeys = keys;
            remoteCertificate = verifier.acceptedCertificate();
            cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
            setState(RTCDtlsTransportState.CONNECTED);
        }
        log.debug("DTLS connected as {} in {} ms: suite 0x{}, SRTP {}", role,
                (System.nanoTime() - started) / 1_000_000, Integer.toHexString(cipherSuite), keys);
        readLoop(transport);
    }

    /**
     * Delivers application data until the association ends. A datagram is waited for outside the
     * record lock, then processed under it, so senders are held up only while a record is handled.
     */
    private void readLoop(DTLSTransport transport) {
        try {
            byte[] buf = new byte[transport.getReceiveLimit()];
            while (state() == RTCDtlsTransportState.CONNECTED) {
                if (!datagrams.awaitDatagram(IDLE_POLL_MILLIS)) {
                    if (datagrams.isClosed()) {
                        break;
                    }
                    continue;
                }
                int n;
                synchronized (recordLock) {
                    n = transport.receive(buf, 0, buf.length, 1);
                }
                while (n >= 0) {
                    deliver(Arrays.copyOf(buf, n));
                    synchronized (recordLock) {
                        n = transport.receivePending(buf, 0, buf.length);
                    }
                }
            }
            ended(null);
        } catch (IOException e) {
            ended(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended(null);
        } catch (RuntimeException e) {
            log.warn("DTLS read loop stopped", e);
            ended(e);
        }
    }

    private void deliver(byte[] data) {
        if (state() == RTCDtlsTransportState.CONNECTED) {
            listenerExecutor.execute(() -> notify(() -> listener.onApplicationData(data)));
        }
    }

    /** The read loop stopped: close_notify from the peer → closed; anything else while connected → failed. */
    private void ended(Exception cause) {
        if (alerts.closeNotifyReceived) {
            synchronized (lock) {
                if (!isFinal(state)) {
                    setState(RTCDtlsTransportState.CLOSED);
                }
            }
            datagrams.close();
            return;
        }
        String reason = alerts.reason();
        if (reason == null) {
            reason = cause == null ? "DTLS association ended" : String.valueOf(cause.getMessage());
        }
        fail(reason);
    }

    private void handshakeFailed(Exception e, RemoteFingerprintVerifier verifier) {
        if (state() != RTCDtlsTransportState.CONNECTING) {
            return; // we closed it: the IOException is ours
        }
        // The most telling first: our fingerprint check, the peer's alert, the timeout, our alert.
        String reason = verifier.failure();
        if (reason == null) {
            reason = alerts.receivedReason();
        }
        if (reason == null && e instanceof TlsTimeoutException) {
            reason = "handshake timed out after " + settings.handshakeTimeout().toMillis() + " ms";
        }
        if (reason == null) {
            reason = alerts.reason();
        }
        if (reason == null) {
            reason = "handshake failed: " + e;
        }
        fail(reason);
    }

    private void fail(String reason) {
        synchronized (lock) {
            if (isFinal(state)) {
                return;
            }
            failureReason = reason;
            setState(RTCDtlsTransportState.FAILED);
        }
        log.warn("DTLS transport failed: {}", reason);
        DTLSTransport t = dtls;
        if (t != null) {
            closeQuietly(t);
        }
        datagrams.close();
    }

    private void closeQuietly(DTLSTransport t) {
        synchronized (recordLock) {
            try {
                t.close();
            } catch (IOException e) {
                log.debug("DTLS close: {}", e.toString());
            }
        }
    }

    /** Under {@link #lock}. */
    private void setState(RTCDtlsTransportState next) {
        state = next;
        listenerExecutor.execute(() -> notify(() -> listener.onStateChange(next)));
    }

    /** A throwing listener is logged, never allowed to break the DTLS thread (direct executors run it there). */
    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("DTLS transport listener threw", e);
        }
    }

    /** What BouncyCastle tells the client/server about alerts, kept for the failure reason. */
    private static final class Alerts implements DtlsPeerEvents {
        volatile boolean closeNotifyReceived;
        private volatile String received;
        private volatile String raised;

        @Override
        public void alertRaised(short level, short description, String message) {
            if (level == AlertLevel.fatal && raised == null) {
                raised = AlertDescription.getText(description) + (message == null ? "" : ": " + message);
            }
        }

        @Override
        public void alertReceived(short level, short description) {
            if (description == AlertDescription.close_notify) {
                closeNotifyReceived = true;
            } else if (level == AlertLevel.fatal && received == null) {
                received = AlertDescription.getText(description);
            }
        }

        /** The first fatal alert: the peer's if it sent one, else ours; null if none. */
        String reason() {
            String r = receivedReason();
            return r != null || raised == null ? r : "sent fatal alert " + raised;
        }

        String receivedReason() {
            return received == null ? null : "peer sent fatal alert " + received;
        }
    }

    private static boolean isFinal(RTCDtlsTransportState state) {
        return state == RTCDtlsTransportState.CLOSED || state == RTCDtlsTransportState.FAILED;
    }
}
