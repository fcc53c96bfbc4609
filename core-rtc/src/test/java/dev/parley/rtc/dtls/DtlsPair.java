package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Two transports, {@code a} and {@code b}, wired by in-memory links. */
final class DtlsPair implements AutoCloseable {
    static final SecureRandom RANDOM = new SecureRandom();
    static final DtlsCertificate CERT_A = DtlsCertificate.generate(RANDOM);
    static final DtlsCertificate CERT_B = DtlsCertificate.generate(RANDOM);

    final MemoryLink aToB;
    final MemoryLink bToA;
    final RecordingListener aEvents = new RecordingListener();
    final RecordingListener bEvents = new RecordingListener();
    final DtlsTransport a;
    final DtlsTransport b;

    DtlsPair(MemoryLink aToB, MemoryLink bToA, DtlsSettings settings) {
        this(aToB, bToA, settings, CERT_A, CERT_B);
    }

    DtlsPair(MemoryLink aToB, MemoryLink bToA, DtlsSettings settings, DtlsCertificate certA, DtlsCertificate certB) {
        this.aToB = aToB;
        this.bToA = bToA;
        a = new DtlsTransport(certA, aToB, settings, Runnable::run, aEvents, RANDOM);
        b = new DtlsTransport(certB, bToA, settings, Runnable::run, bEvents, RANDOM);
        aToB.connectTo(b::onPacket);
        bToA.connectTo(a::onPacket);
    }

    static DtlsPair perfect() {
        return new DtlsPair(MemoryLink.perfect(), MemoryLink.perfect(), DtlsSettings.defaults());
    }

    /** Starts both with each other's true fingerprints. */
    void start(DtlsRole aRole) {
        a.start(aRole, List.of(b.localCertificate().fingerprint()));
        b.start(other(aRole), List.of(a.localCertificate().fingerprint()));
    }

    static DtlsRole other(DtlsRole r) {
        return r == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
    }

    void awaitConnected() throws Exception {
        aEvents.connected.get(10, TimeUnit.SECONDS);
        bEvents.connected.get(10, TimeUnit.SECONDS);
        assertEquals(RTCDtlsTransportState.CONNECTED, a.state());
        assertEquals(RTCDtlsTransportState.CONNECTED, b.state());
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
