package dev.parley.rtc;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.ExtMap;
import dev.parley.rtc.sdp.NegotiatedMedia;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the interceptors are told of a negotiated stream ({@link StreamInfo}): its codec, whether
 * NACK was agreed for it ({@code a=rtcp-fb:<pt> nack}), its RTX stream, and the header extensions
 * of its m-line.
 */
final class StreamDescriptions {
    static final String NACK = "nack";

    private StreamDescriptions() {}

    /** A local sender's stream, sending {@code codec} on m-line {@code m}. */
    static StreamInfo local(RTCRtpSender sender, CodecCapability codec, NegotiatedMedia m, String cname) {
        OptionalInt rtxPayloadType = m.sendRtxPayloadType(codec.payloadType());
        boolean rtx = rtxPayloadType.isPresent();
        return new StreamInfo(sender.ssrc(), codec.payloadType(), codec.clockRate(), m.mid().orElse(null),
                m.kind().orElseThrow().sdpName(), cname, m.remoteRtcpReducedSize(), hasNack(codec),
                rtx ? sender.rtxSsrc() : StreamInfo.NO_RTX, rtx ? rtxPayloadType.getAsInt() : StreamInfo.NO_RTX,
                extensions(m.headerExtensions()));
    }

    /** A remote stream of {@code codec}; its RTX SSRC is not needed by the receiving side. */
    static StreamInfo remote(long ssrc, CodecCapability codec, String mid, String kind, boolean rtcpReducedSize,
            Map<String, Integer> headerExtensions) {
        return new StreamInfo(ssrc, codec.payloadType(), codec.clockRate(), mid, kind, null, rtcpReducedSize,
                hasNack(codec), StreamInfo.NO_RTX, StreamInfo.NO_RTX, headerExtensions);
    }

    static Map<String, Integer> extensions(List<ExtMap> extMaps) {
        Map<String, Integer> byUri = new HashMap<>();
        for (ExtMap e : extMaps) {
            byUri.put(e.uri(), e.id());
        }
        return byUri;
    }

    /** Generic NACK is "nack" alone; "nack pli" is picture loss indication. */
    private static boolean hasNack(CodecCapability codec) {
        return codec.rtcpFeedback().contains(NACK);
    }
}
