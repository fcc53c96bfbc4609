package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Plans and transport parameters for the JSEP tests. Our preferred payload types and extension
 * ids deliberately differ from Chromium's, so tests see the answer take the offer's.
 */
final class JsepFixtures {
    static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    static final String TRANSPORT_CC = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    static final String TOFFSET = "urn:ietf:params:rtp-hdrext:toffset";
    /** Supported by us, never offered by Chromium: must not appear in answers to it. */
    static final String CSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:csrc-audio-level";

    static final SessionInfo SESSION = new SessionInfo(4_242_424_242L, 1);

    static final CodecCapability PCMU = new CodecCapability("PCMU", 8000, 1, 0);
    static final CodecCapability PCMA = new CodecCapability("PCMA", 8000, 1, 8);
    static final CodecCapability OPUS = new CodecCapability("opus", 48000, 2,
            fmtp("minptime", "10", "useinbandfec", "1"), List.of("transport-cc"), 109);
    static final CodecCapability VP8 = new CodecCapability("VP8", 90000, 1, Map.of(),
            List.of("nack", "nack pli", "ccm fir", "transport-cc", "rrtr"), 100);
    static final CodecCapability VP8_RTX = CodecCapability.rtx(101, 90000, 100);

    static final LocalSender AUDIO_SENDER = new LocalSender(1111, OptionalLong.empty(), "parleyCname",
            "audio-track", List.of("stream-a"));
    static final LocalSender VIDEO_SENDER = new LocalSender(2222, OptionalLong.of(3333), "parleyCname",
            "video-track", List.of("stream-a"));

    private JsepFixtures() {}

    /** An ordered fmtp map from key, value pairs. */
    static Map<String, String> fmtp(String... keyValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Fingerprint fingerprint(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return new Fingerprint("sha-256", b);
    }

    static TransportParameters transport(String ufrag, Setup setup, int fingerprintFill) {
        return TransportParameters.trickle(ufrag, "abcdefghijklmnopqrstuvwx", List.of(fingerprint(fingerprintFill)),
                setup);
    }

    static TransportParameters offerer() {
        return transport("OffR", Setup.ACTPASS, 0x11);
    }

    static TransportParameters answerer() {
        return transport("AnsR", Setup.ACTIVE, 0x22);
    }

    static MediaSectionPlan.Builder audio(String mid) {
        return MediaSectionPlan.builder(mid, MediaKind.AUDIO)
                .codecs(List.of(PCMU, PCMA, OPUS))
                .headerExtensions(List.of(new HeaderExtensionCapability(SDES_MID, 9),
                        new HeaderExtensionCapability(AUDIO_LEVEL, 10),
                        new HeaderExtensionCapability(CSRC_AUDIO_LEVEL, 12)))
                .sender(AUDIO_SENDER);
    }

    static MediaSectionPlan.Builder video(String mid) {
        return MediaSectionPlan.builder(mid, MediaKind.VIDEO)
                .codecs(List.of(VP8, VP8_RTX))
                .headerExtensions(List.of(new HeaderExtensionCapability(SDES_MID, 9),
                        new HeaderExtensionCapability(ABS_SEND_TIME, 5),
                        new HeaderExtensionCapability(TRANSPORT_CC, 6),
                        new HeaderExtensionCapability(TOFFSET, 7)))
                .sender(VIDEO_SENDER);
    }

    /** One plan per Chromium offer section: audio 0, video 1, data 2. */
    static List<Optional<MediaSectionPlan>> plansForChromium() {
        return List.of(Optional.of(audio("0").build()), Optional.of(video("1").build()),
                Optional.of(MediaSectionPlan.data("2")));
    }

    static SessionDescription chromiumOffer() throws SdpParseException {
        return SessionDescription.parse(SdpFixtures.chromiumOffer());
    }

    static SessionDescription chromiumAnswer() throws SdpParseException {
        return SessionDescription.parse(SdpFixtures.chromiumAnswer());
    }

    /** Every description we create must parse back to an equal value and write the same bytes. */
    static SessionDescription roundTrip(SessionDescription created) {
        try {
            SessionDescription parsed = SessionDescription.parse(created.write());
            assertEquals(created.write(), parsed.write());
            assertEquals(created, parsed);
            return parsed;
        } catch (SdpParseException e) {
            throw new AssertionError("created SDP does not parse: " + e.getMessage() + "\n" + created, e);
        }
    }

    /** The a= lines of a section as text, for order-sensitive assertions. */
    static List<String> attributeLines(MediaDescription m) {
        List<String> out = new ArrayList<>();
        for (Attribute a : m.attributes()) {
            out.add(a.toString());
        }
        return out;
    }

    /** A copy of the text with the first {@code from} line replaced. */
    static String replaceLine(String sdp, String from, String to) {
        String crlf = SdpFixtures.crlf(sdp);
        if (!crlf.contains(from + "\r\n")) {
            throw new IllegalArgumentException("no line " + from);
        }
        return crlf.replaceFirst(java.util.regex.Pattern.quote(from + "\r\n"),
                java.util.regex.Matcher.quoteReplacement(to.isEmpty() ? "" : to + "\r\n"));
    }
}
