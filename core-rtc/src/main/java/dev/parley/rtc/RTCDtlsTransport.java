package dev.parley.rtc;

import java.util.List;

/**
 * The W3C {@code RTCDtlsTransport}: the DTLS association that carries a call's media and data.
 * Every m-line is bundled on one transport (max-bundle), so a peer connection has exactly one,
 * from its construction on: {@code new} until the first description creates the transport,
 * {@code closed} after {@link RTCPeerConnection#close()}. Its getters may be called from any
 * thread.
 *
 * <p>{@link #getRemoteCertificates()} is what lets two people check that no one sits in the
 * middle: the peer's certificate is the one whose fingerprint the peer's SDP signalled, and a
 * fingerprint of it shown on both screens (a short code) proves the signalling was not altered.
 */
public final class RTCDtlsTransport {
    private final PeerSession session;

    RTCDtlsTransport(PeerSession session) {
        this.session = session;
    }

    /** The W3C {@code state}: the same state the peer connection's connection state is made from. */
    public RTCDtlsTransportState state() {
        return session.dtlsState;
    }

    /**
     * The W3C {@code getRemoteCertificates()}: the peer's DER-encoded certificate chain (WebRTC
     * peers send one self-signed certificate), once the handshake succeeded — which includes the
     * check against the signalled fingerprint. Empty before then and after a failed handshake;
     * after close, still the certificate the association had. Each call returns fresh copies.
     */
    public List<byte[]> getRemoteCertificates() {
        BundleTransport transport = session.transport;
        if (transport == null) {
            return List.of();
        }
        return transport.dtls().remoteCertificate().map(List::of).orElse(List.of());
    }

    @Override
    public String toString() {
        return "RTCDtlsTransport[" + state() + "]";
    }
}
