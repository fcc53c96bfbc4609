package dev.parley.rtc;

import java.util.Objects;

/**
 * The W3C {@code RTCSessionDescriptionInit}: a type and the SDP text. A rollback carries no SDP
 * (empty string).
 */
public record RTCSessionDescription(RTCSdpType type, String sdp) {
    public RTCSessionDescription {
        Objects.requireNonNull(type, "type");
        sdp = sdp == null ? "" : sdp;
    }

    public static RTCSessionDescription offer(String sdp) {
        return new RTCSessionDescription(RTCSdpType.OFFER, sdp);
    }

    public static RTCSessionDescription answer(String sdp) {
        return new RTCSessionDescription(RTCSdpType.ANSWER, sdp);
    }

    public static RTCSessionDescription rollback() {
        return new RTCSessionDescription(RTCSdpType.ROLLBACK, "");
    }
}
