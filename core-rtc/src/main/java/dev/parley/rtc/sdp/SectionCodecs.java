package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the codecs an RTP m= section lists: for each payload type of the m= line, its
 * {@code a=rtpmap} (or the static assignment of RFC 3551 §6 when there is none), {@code a=fmtp}
 * and {@code a=rtcp-fb} (including {@code a=rtcp-fb:*}). Payload types with neither are skipped:
 * nothing can be matched against them.
 */
final class SectionCodecs {
    /** RFC 3551 §6 Table 4 and 5: static payload types a peer may list without a=rtpmap. */
    private static final Map<Integer, RtpMap> STATIC = Map.of(
            0, new RtpMap(0, "PCMU", 8000),
            3, new RtpMap(3, "GSM", 8000),
            4, new RtpMap(4, "G723", 8000),
            8, new RtpMap(8, "PCMA", 8000),
            9, new RtpMap(9, "G722", 8000),
            13, new RtpMap(13, "CN", 8000),
            18, new RtpMap(18, "G729", 8000),
            34, new RtpMap(34, "H263", 90000));

    private SectionCodecs() {}

    static List<CodecCapability> read(MediaDescription m) {
        List<CodecCapability> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int pt : JsepSections.payloadTypes(m)) {
            if (seen.add(pt)) {
                codec(m, pt).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** The codec behind one payload type of the section, if it is described. */
    static Optional<CodecCapability> codec(MediaDescription m, int pt) {
        Optional<RtpMap> map = m.rtpMap(pt).or(() -> Optional.ofNullable(STATIC.get(pt)));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fmtp = new LinkedHashMap<>(m.fmtp(pt).map(Fmtp::parameterMap).orElse(Map.of()));
        fmtp.remove(""); // "=value" names nothing
        List<String> feedback = new ArrayList<>();
        for (RtcpFeedback fb : m.rtcpFeedbacks(pt)) {
            String value = feedbackValue(fb);
            if (!feedback.contains(value)) {
                feedback.add(value);
            }
        }
        RtpMap r = map.get();
        return Optional.of(new CodecCapability(r.encodingName(), r.clockRate(), r.channelsOrDefault(), fmtp,
                feedback, pt));
    }

    /** {@code "nack pli"}: the feedback type and parameter as {@link CodecCapability} keeps them. */
    static String feedbackValue(RtcpFeedback fb) {
        return fb.parameter() == null ? fb.type() : fb.type() + " " + String.join(" ", SdpTokens.split(fb.parameter()));
    }

    /** The a=rtcp-fb line for a {@link CodecCapability} feedback value. */
    static RtcpFeedback feedbackLine(int pt, String value) {
        List<String> words = SdpTokens.split(value);
        String param = words.size() > 1 ? String.join(" ", words.subList(1, words.size())) : null;
        return new RtcpFeedback(pt, words.get(0), param);
    }
}
