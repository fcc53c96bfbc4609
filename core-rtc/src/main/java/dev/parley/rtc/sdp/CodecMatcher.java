package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The codecs an answer lists for one offered RTP section (RFC 8829 §5.3.1, RFC 3264 §6.1): the
 * codecs both sides support, in the answerer's preference order, with the offer's payload types.
 *
 * <p>Codecs match on name (ignoring case), clock rate and channels, and for these codecs also on
 * fmtp parameters that change the bitstream: H.264 packetization-mode and profile (RFC 6184
 * §8.2.2; the level may differ and the lower one is answered), VP9 {@code profile-id}
 * (RFC 9628 §6), AV1 {@code profile}. RED (RFC 2198) is kept when every payload type it carries
 * is kept; RTX (RFC 4588 §8.6) when the codec it repairs is kept, answered with the offer's RTX
 * payload type and {@code apt}. Feedback is the intersection; fmtp is ours, except that H.264's
 * is negotiated and RED's and RTX's name the offer's payload types.
 */
final class CodecMatcher {
    private static final String PACKETIZATION_MODE = "packetization-mode";
    private static final String LEVEL_ASYMMETRY = "level-asymmetry-allowed";

    private final List<CodecCapability> offered;
    private final Set<Integer> usedOfferedTypes = new HashSet<>();
    /** Our payload type → the offered payload type it was answered with. */
    private final Map<Integer, Integer> answeredAs = new HashMap<>();
    /** Our payload type → the answered codec. */
    private final Map<Integer, CodecCapability> answered = new HashMap<>();

    private CodecMatcher(List<CodecCapability> offered) {
        this.offered = offered;
    }

    /** The answer's codecs, in our order; empty when nothing matches. */
    static List<CodecCapability> answer(List<CodecCapability> ours, List<CodecCapability> offered) {
        CodecMatcher m = new CodecMatcher(offered);
        for (CodecCapability c : ours) {
            if (!c.isRtx() && !c.isRed()) {
                m.matchPlain(c);
            }
        }
        for (CodecCapability c : ours) {
            if (c.isRed()) {
                m.matchRed(c);
            }
        }
        for (CodecCapability c : ours) {
            if (c.isRtx()) {
                m.matchRtx(c);
            }
        }
        List<CodecCapability> out = new ArrayList<>();
        for (CodecCapability c : ours) {
            CodecCapability a = m.answered.get(c.payloadType());
            if (a != null) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private void matchPlain(CodecCapability ours) {
        for (CodecCapability theirs : offered) {
            if (!usedOfferedTypes.contains(theirs.payloadType()) && ours.sameEncoding(theirs)) {
                Optional<Map<String, String>> fmtp = answerFmtp(ours, theirs);
                if (fmtp.isPresent()) {
                    accept(ours, theirs, fmtp.get());
                    return;
                }
            }
        }
    }

    /** RED's fmtp lists the payload types it carries ("111/111"); all must be in the answer. */
    private void matchRed(CodecCapability ours) {
        for (CodecCapability theirs : offered) {
            if (!usedOfferedTypes.contains(theirs.payloadType()) && ours.sameEncoding(theirs)
                    && carriesOnlyAnswered(theirs)) {
                accept(ours, theirs, theirs.fmtp());
                return;
            }
        }
    }

    private boolean carriesOnlyAnswered(CodecCapability red) {
        for (String key : red.fmtp().keySet()) {
            for (String pt : key.split("/", -1)) {
                if (!answeredAs.containsValue(parsePayloadType(pt).orElse(-1))) {
                    return false;
                }
            }
        }
        return true;
    }

    private void matchRtx(CodecCapability ours) {
        Integer repairedAs = answeredAs.get(ours.associatedPayloadType().orElse(-1));
        if (repairedAs == null) {
            return; // the codec it repairs was not answered
        }
        for (CodecCapability theirs : offered) {
            if (!usedOfferedTypes.contains(theirs.payloadType()) && theirs.isRtx()
                    && theirs.clockRate() == ours.clockRate()
                    && theirs.associatedPayloadType().equals(OptionalInt.of(repairedAs))) {
                Map<String, String> fmtp = new LinkedHashMap<>(ours.fmtp());
                fmtp.put("apt", Integer.toString(repairedAs));
                accept(ours, theirs, fmtp);
                return;
            }
        }
    }

    private void accept(CodecCapability ours, CodecCapability theirs, Map<String, String> fmtp) {
        usedOfferedTypes.add(theirs.payloadType());
        answeredAs.put(ours.payloadType(), theirs.payloadType());
        answered.put(ours.payloadType(), new CodecCapability(theirs.name(), theirs.clockRate(), theirs.channels(),
                fmtp, commonFeedback(ours, theirs), theirs.payloadType()));
    }

    private static List<String> commonFeedback(CodecCapability ours, CodecCapability theirs) {
        List<String> out = new ArrayList<>();
        for (String fb : ours.rtcpFeedback()) {
            for (String offeredFb : theirs.rtcpFeedback()) {
                if (normalize(fb).equals(normalize(offeredFb)) && !out.contains(fb)) {
                    out.add(fb);
                }
            }
        }
        return out;
    }

    private static String normalize(String feedback) {
        return String.join(" ", SdpTokens.split(feedback)).toLowerCase(Locale.ROOT);
    }

    /** The fmtp to answer with, or empty when the fmtp parameters make the codecs incompatible. */
    static Optional<Map<String, String>> answerFmtp(CodecCapability ours, CodecCapability theirs) {
        switch (ours.name().toLowerCase(Locale.ROOT)) {
            case "h264":
                return answerH264(ours, theirs);
            case "vp9":
                return sameParameter(ours, theirs, "profile-id", "0") ? Optional.of(ours.fmtp()) : Optional.empty();
            case "av1":
                return sameParameter(ours, theirs, "profile", "0") ? Optional.of(ours.fmtp()) : Optional.empty();
            default:
                return Optional.of(ours.fmtp());
        }
    }

    private static boolean sameParameter(CodecCapability a, CodecCapability b, String key, String absentMeans) {
        return a.parameter(key, absentMeans).equals(b.parameter(key, absentMeans));
    }

    /**
     * RFC 6184 §8.2.2: packetization-mode and profile must match; we answer the lower level, and
     * allow level asymmetry only if both do.
     */
    private static Optional<Map<String, String>> answerH264(CodecCapability ours, CodecCapability theirs) {
        if (!sameParameter(ours, theirs, PACKETIZATION_MODE, "0")) {
            return Optional.empty();
        }
        Optional<H264ProfileLevelId> mine = H264ProfileLevelId.parse(
                ours.parameter(H264ProfileLevelId.PARAMETER, H264ProfileLevelId.DEFAULT));
        Optional<H264ProfileLevelId> offeredId = H264ProfileLevelId.parse(
                theirs.parameter(H264ProfileLevelId.PARAMETER, H264ProfileLevelId.DEFAULT));
        if (mine.isEmpty() || offeredId.isEmpty() || !mine.get().sameProfile(offeredId.get())) {
            return Optional.empty();
        }
        Map<String, String> fmtp = new LinkedHashMap<>(ours.fmtp());
        fmtp.put(H264ProfileLevelId.PARAMETER, mine.get().lowerLevel(offeredId.get()).toHex());
        if (!"1".equals(theirs.parameter(LEVEL_ASYMMETRY, "0"))) {
            fmtp.remove(LEVEL_ASYMMETRY);
        }
        return Optional.of(fmtp);
    }

    private static OptionalInt parsePayloadType(String s) {
        try {
            return OptionalInt.of(SdpTokens.payloadType(SdpTokens.trim(s)));
        } catch (SdpParseException notAPayloadType) {
            return OptionalInt.empty();
        }
    }
}
