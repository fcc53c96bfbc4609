package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a sending m= section announces about our RTP sender: its SSRC (and RTX SSRC, RFC 4588 §8),
 * the RTCP CNAME (RFC 7022) and the MediaStreamTrack id and stream ids for {@code a=msid}
 * (RFC 8830). No stream ids means a streamless track, written {@code a=msid:- <trackId>}.
 */
public record LocalSender(long ssrc, OptionalLong rtxSsrc, String cname, String trackId, List<String> streamIds) {
    public LocalSender {
        checkSsrc(ssrc);
        Objects.requireNonNull(rtxSsrc, "rtxSsrc");
        rtxSsrc.ifPresent(LocalSender::checkSsrc);
        if (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == ssrc) {
            throw new IllegalArgumentException("rtx ssrc equals the media ssrc " + ssrc);
        }
        SdpTokens.requireWord(cname, "cname");
        SdpTokens.requireWord(trackId, "track id");
        streamIds = List.copyOf(streamIds);
        for (String s : streamIds) {
            SdpTokens.requireWord(s, "stream id");
            if (Msid.NO_STREAM.equals(s)) {
                throw new IllegalArgumentException("'-' is not a stream id; pass no stream ids for a streamless track");
            }
        }
    }

    private static void checkSsrc(long s) {
        if (s < 0 || s > Ssrc.MAX_SSRC) {
            throw new IllegalArgumentException("ssrc out of range: " + s);
        }
    }
}
