package dev.parley.rtc;

/**
 * Combines the ICE and DTLS transport states into the W3C {@code RTCPeerConnectionState} and
 * {@code RTCIceConnectionState} of the peer connection (W3C webrtc §4.3.3, one bundled transport).
 */
final class ConnectionStates {
    private ConnectionStates() {}

    static RTCPeerConnectionState combine(boolean closed, RTCIceConnectionState ice, RTCDtlsTransportState dtls) {
        if (closed) {
            return RTCPeerConnectionState.CLOSED;
        }
        if (ice == RTCIceConnectionState.FAILED || dtls == RTCDtlsTransportState.FAILED) {
            return RTCPeerConnectionState.FAILED;
        }
        if (ice == RTCIceConnectionState.DISCONNECTED) {
            return RTCPeerConnectionState.DISCONNECTED;
        }
        boolean iceIdle = ice == RTCIceConnectionState.NEW || ice == RTCIceConnectionState.CLOSED;
        boolean dtlsIdle = dtls == RTCDtlsTransportState.NEW || dtls == RTCDtlsTransportState.CLOSED;
        if (iceIdle && dtlsIdle) {
            return RTCPeerConnectionState.NEW;
        }
        boolean iceUp = ice == RTCIceConnectionState.CONNECTED || ice == RTCIceConnectionState.COMPLETED
                || ice == RTCIceConnectionState.CLOSED;
        boolean dtlsUp = dtls == RTCDtlsTransportState.CONNECTED || dtls == RTCDtlsTransportState.CLOSED;
        if (iceUp && dtlsUp) {
            return RTCPeerConnectionState.CONNECTED;
        }
        return RTCPeerConnectionState.CONNECTING;
    }
}
