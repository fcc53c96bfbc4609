package dev.parley.rtc;

import java.util.List;

/**
 * The W3C {@code RTCTrackEvent}: a remote track began to be received, with the streams the
 * remote side associated it with ({@code a=msid}); empty for a streamless track.
 */
public record RTCTrackEvent(RTCRtpReceiver receiver, MediaStreamTrack track, List<MediaStream> streams,
        RTCRtpTransceiver transceiver) {
    public RTCTrackEvent {
        streams = List.copyOf(streams);
    }
}
