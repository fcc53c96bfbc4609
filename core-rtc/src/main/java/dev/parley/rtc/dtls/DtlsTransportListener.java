package dev.parley.rtc.dtls;

/**
 * What a {@link DtlsTransport} tells its owner, on the executor given to the transport. Every
 * method has a no-op default, so an owner implements only what it uses.
 */
public interface DtlsTransportListener {

    /**
     * The state changed. On {@link DtlsTransportState#CONNECTED} the SRTP keys (if {@code use_srtp}
     * was negotiated) are already available from {@link DtlsTransport#srtpKeyingMaterial()}; on
     * {@link DtlsTransportState#FAILED}, {@link DtlsTransport#failureReason()} says why.
     */
    default void onStateChange(DtlsTransportState state) {}

    /** One DTLS application data record (an SCTP packet, RFC 8261), only while connected. */
    default void onApplicationData(byte[] data) {}
}
