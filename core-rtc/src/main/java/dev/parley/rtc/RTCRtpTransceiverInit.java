package dev.parley.rtc;

import java.util.List;
import java.util.Objects;

/** The W3C {@code RTCRtpTransceiverInit} for {@link RTCPeerConnection#addTransceiver}. */
public record RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction, List<MediaStream> streams) {
    public RTCRtpTransceiverInit {
        Objects.requireNonNull(direction, "direction");
        if (direction == RTCRtpTransceiverDirection.STOPPED) {
            throw new RTCException(RTCException.TYPE, "a new transceiver cannot be stopped");
        }
        streams = List.copyOf(streams);
    }

    public static final RTCRtpTransceiverInit SENDRECV = new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDRECV, List.of());

    public static RTCRtpTransceiverInit of(RTCRtpTransceiverDirection direction, MediaStream... streams) {
        return new RTCRtpTransceiverInit(direction, List.of(streams));
    }
}
