/**
 * DTLS 1.2 (RFC 6347) over ICE for WebRTC (RFC 8827 §6.5, RFC 8842): self-signed certificates and
 * their SDP fingerprints, the handshake on BouncyCastle's DTLS protocol classes with the remote
 * certificate checked against the signalled fingerprint, the {@code use_srtp} extension and the
 * SRTP keys it exports (RFC 5764), and the application data channel SCTP runs over (RFC 8261).
 *
 * <p>{@link dev.parley.rtc.dtls.DtlsTransport} is the entry point; {@link
 * dev.parley.rtc.dtls.DtlsCertificate} is made once and shared by the transports of a peer
 * connection.
 */
package dev.parley.rtc.dtls;
