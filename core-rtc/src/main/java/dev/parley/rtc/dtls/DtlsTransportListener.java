package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
/**
 * What a {@link DtlsTransport} tells its owner, on the executor given to the transport. Every
 * method has a no-op default, so an owner implements only what it uses.
 */
public interface DtlsTransportListener {

    /**
     * The state changed. On {@link RTCDtlsTransportState#CONNECTED} the SRTP keys (if {@code use_srtp}
     * was negotiated) are already available from {@link DtlsTransport#srtpKeyingMaterial()}; on
     * {@link RTCDtlsTransportState#FAILED}, {@link DtlsTransport#failureReason()} says why.
     */
    default void onStateChange(RTCDtlsTransportState state) {}

    /** One DTLS application data record (an SCTP packet, RFC 8261), only while connected. */
    default void onApplicationData(byte[] data) {}
}
