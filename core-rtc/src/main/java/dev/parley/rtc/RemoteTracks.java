package dev.parley.rtc;

import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.Msid;
import dev.parley.rtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C "process remote tracks" (webrtc §4.4.1.5–6): after a remote description is applied, each
 * transceiver whose remote side now sends gets its remote streams from {@code a=msid} and, the
 * first time, a {@code track} event; one whose remote side stopped sending has its track removed
 * from those streams and muted. Streams with the same id are the same {@link MediaStream} object
 * for the whole call, so audio and video of one remote stream arrive together.
 */
final class RemoteTracks {
    private final PeerSession s;
    private final Map<String, MediaStream> streamsById = new HashMap<>();

    RemoteTracks(PeerSession session) {
        this.s = session;
    }

    void process(SessionDescription remote) {
        List<RTCTrackEvent> events = new ArrayList<>();
        for (MediaDescription section : remote.media()) {
            RTCRtpTransceiver t = section.mid().map(s::transceiverByMid).orElse(null);
            if (t == null || t.isStopping()) {
                continue;
            }
            Direction remoteDirection = section.port() == 0 ? Direction.INACTIVE
                    : section.direction().orElse(Direction.SENDRECV);
            RTCRtpReceiver receiver = t.receiver();
            boolean wasReceiving = t.firedDirection != null && (t.firedDirection == RTCRtpTransceiverDirection.SENDRECV
                    || t.firedDirection == RTCRtpTransceiverDirection.RECVONLY);
            if (remoteDirection.sends()) {
                List<MediaStream> streams = streamsFor(section);
                for (MediaStream old : receiver.streams()) {
                    if (!streams.contains(old)) {
                        old.removeTrackAndNotify(receiver.track());
                    }
                }
                for (MediaStream stream : streams) {
                    stream.addTrackAndNotify(receiver.track());
                }
                receiver.setRemoteStreams(streams);
                receiver.remoteSends();
                if (!wasReceiving) {
                    events.add(new RTCTrackEvent(receiver, receiver.track(), streams, t));
                }
            } else if (wasReceiving) {
                for (MediaStream stream : receiver.streams()) {
                    stream.removeTrackAndNotify(receiver.track());
                }
                receiver.setRemoteStreams(List.of());
                receiver.remoteStoppedSending();
            }
            t.firedDirection = remoteDirection.sends()
                    ? (t.direction() == RTCRtpTransceiverDirection.SENDRECV || t.direction() == RTCRtpTransceiverDirection.SENDONLY
                            ? RTCRtpTransceiverDirection.SENDRECV : RTCRtpTransceiverDirection.RECVONLY)
                    : RTCRtpTransceiverDirection.INACTIVE;
        }
        s.pc.media().synchronize(s.transceivers.stream().map(RTCRtpTransceiver::receiver).toList());
        for (RTCTrackEvent event : events) {
            s.pc.emit(l -> l.onTrack(event));
        }
    }

    /** The streams of {@code a=msid} lines; "-" (no stream) is a streamless track. */
    private List<MediaStream> streamsFor(MediaDescription section) {
        List<MediaStream> streams = new ArrayList<>();
        List<Msid> msids = section.msids();
        if (msids.isEmpty()) {
            // RFC 8830 §3.2 / JSEP §5.8: no msid at all means one stream with a generated id.
            streams.add(streamsById.computeIfAbsent("default", id -> new MediaStream()));
            return streams;
        }
        for (Msid msid : msids) {
            if (Msid.NO_STREAM.equals(msid.streamId())) {
                continue;
            }
            streams.add(streamsById.computeIfAbsent(msid.streamId(), MediaStream::new));
        }
        return streams;
    }
}
