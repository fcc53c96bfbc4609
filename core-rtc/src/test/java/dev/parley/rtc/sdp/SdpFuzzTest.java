package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Property: any text either fails with {@link SdpParseException} or parses into a description
 * that writes, re-parses to an equal value and writes the same text again; every typed view can
 * be read, and each typed value re-parses from its own written form to an equal value.
 * Seeds: Chromium's offer and answer (SdpFuzzTestInputs).
 */
class SdpFuzzTest {
    @FuzzTest
    void parseWriteParse(byte[] data) {
        // ISO-8859-1 maps every byte to one char, so no input is lost to decoding.
        String text = new String(data, StandardCharsets.ISO_8859_1);
        SessionDescription sd;
        try {
            sd = SessionDescription.parse(text);
        } catch (SdpParseException expected) {
            return;
        }
        String written = sd.write();
        SessionDescription again;
        try {
            again = SessionDescription.parse(written);
            assertEquals(sd, SessionDescription.parse(sd.toBytes()));
        } catch (SdpParseException e) {
            throw new AssertionError("written SDP does not parse: " + e.getMessage() + "\n" + written, e);
        }
        assertEquals(sd, again);
        assertEquals(written, again.write());
        checkTypedViews(sd);
    }

    private static void checkTypedViews(SessionDescription sd) {
        sd.origin();
        sd.timings();
        sd.connection();
        sd.bandwidths();
        sd.direction();
        sd.iceOptions();
        sd.iceUfrag();
        sd.icePwd();
        sd.setup();
        sd.bundleGroups();
        for (Group g : sd.groups()) {
            reparse(g, g.toValue(), Group::parse);
        }
        for (MsidSemantic m : sd.msidSemantics()) {
            reparse(m, m.toValue(), MsidSemantic::parse);
        }
        for (Fingerprint f : sd.fingerprints()) {
            reparse(f, f.toValue(), Fingerprint::parse);
        }
        reparse(sd.origin(), sd.origin().toValue(), Origin::parse);
        for (MediaDescription m : sd.media()) {
            checkMedia(m);
        }
    }

    private static void checkMedia(MediaDescription m) {
        reparse(m.mediaLine(), m.mediaLine().toValue(), MediaLine::parse);
        m.mid();
        m.connection();
        m.bandwidths();
        m.direction();
        m.iceUfrag();
        m.icePwd();
        m.iceOptions();
        m.setup();
        m.sctpPort();
        m.maxMessageSize();
        m.sctpMap().ifPresent(s -> reparse(s, s.toValue(), SctpMap::parse));
        m.rtcp().ifPresent(r -> reparse(r, r.toValue(), Rtcp::parse));
        m.simulcast().ifPresent(s -> reparse(s, s.toValue(), Simulcast::parse));
        each(m.rtpMaps(), RtpMap::toValue, RtpMap::parse);
        each(m.fmtps(), Fmtp::toValue, Fmtp::parse);
        m.fmtps().forEach(Fmtp::parameterMap);
        each(m.rtcpFeedbacks(), RtcpFeedback::toValue, RtcpFeedback::parse);
        each(m.extMaps(), ExtMap::toValue, ExtMap::parse);
        each(m.msids(), Msid::toValue, Msid::parse);
        each(m.ssrcs(), Ssrc::toValue, Ssrc::parse);
        each(m.ssrcGroups(), SsrcGroup::toValue, SsrcGroup::parse);
        each(m.fingerprints(), Fingerprint::toValue, Fingerprint::parse);
        each(m.candidates(), Candidate::toString, Candidate::parse);
        each(m.rids(), Rid::toValue, Rid::parse);
    }

    private static <T> void each(List<T> values, Function<T, String> writer,
                                 KnownAttributes.ValueParser<T> parser) {
        for (T v : values) {
            reparse(v, writer.apply(v), parser);
        }
    }

    private static <T> void reparse(T value, String written, KnownAttributes.ValueParser<T> parser) {
        try {
            assertEquals(value, parser.parse(written), written);
        } catch (SdpParseException e) {
            throw new AssertionError("written value does not parse: " + written + ": " + e.getMessage(), e);
        }
    }
}
