package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Map;

/**
 * The attributes this package understands (RFC 8829 §5.2 and the WebRTC attribute set) and how
 * to check their values, so that a description which parses has typed views that cannot fail.
 * Unknown attributes are kept unchecked.
 */
final class KnownAttributes {
    /** Parses (and so validates) one attribute value. */
    @FunctionalInterface
    interface ValueParser<T> {
        T parse(String value) throws SdpParseException;
    }

    static final String MID = "mid";
    static final String ICE_UFRAG = "ice-ufrag";
    static final String ICE_PWD = "ice-pwd";
    static final String ICE_OPTIONS = "ice-options";
    static final String ICE_LITE = "ice-lite";
    static final String END_OF_CANDIDATES = "end-of-candidates";
    static final String EXTMAP_ALLOW_MIXED = "extmap-allow-mixed";
    static final String RTCP_MUX = "rtcp-mux";
    static final String RTCP_MUX_ONLY = "rtcp-mux-only";
    static final String RTCP_RSIZE = "rtcp-rsize";
    static final String SCTP_PORT = "sctp-port";
    static final String MAX_MESSAGE_SIZE = "max-message-size";

    static final ValueParser<String> TOKEN = v -> SdpTokens.token(SdpTokens.trim(v), "value");
    static final ValueParser<String> WORD = v -> {
        String t = SdpTokens.trim(v);
        if (!SdpTokens.isWord(t)) {
            throw new SdpParseException("value " + SdpTokens.quote(v) + " must be one non-empty word");
        }
        return t;
    };
    static final ValueParser<List<String>> TOKEN_LIST = v -> {
        List<String> tokens = SdpTokens.split(v);
        for (String t : tokens) {
            SdpTokens.token(t, "option");
        }
        return tokens;
    };
    /** RFC 8841 §5.1 sctp-port. */
    static final ValueParser<Integer> SCTP_PORT_VALUE = v -> SdpTokens.port(SdpTokens.trim(v), "sctp-port");
    /** RFC 8841 §6.1 max-message-size (0 means no limit). */
    static final ValueParser<Long> MAX_MESSAGE_SIZE_VALUE =
            v -> SdpTokens.parseLong(SdpTokens.trim(v), 0, Long.MAX_VALUE, "max-message-size");

    private static final Map<String, ValueParser<?>> VALUE_ATTRIBUTES = Map.ofEntries(
            Map.entry(Group.NAME, Group::parse),                 // RFC 5888
            Map.entry(MID, TOKEN),                               // RFC 5888 §4
            Map.entry(Msid.NAME, Msid::parse),                   // RFC 8830
            Map.entry(MsidSemantic.NAME, MsidSemantic::parse),
            Map.entry(Ssrc.NAME, Ssrc::parse),                   // RFC 5576
            Map.entry(SsrcGroup.NAME, SsrcGroup::parse),
            Map.entry(RtpMap.NAME, RtpMap::parse),               // RFC 8866 §6.6
            Map.entry(Fmtp.NAME, Fmtp::parse),                   // RFC 8866 §6.15
            Map.entry(RtcpFeedback.NAME, RtcpFeedback::parse),   // RFC 4585
            Map.entry(ExtMap.NAME, ExtMap::parse),               // RFC 8285
            Map.entry(Rtcp.NAME, Rtcp::parse),                   // RFC 3605
            Map.entry(ICE_UFRAG, WORD),                          // RFC 8839 §5.4
            Map.entry(ICE_PWD, WORD),
            Map.entry(ICE_OPTIONS, TOKEN_LIST),                  // RFC 8839 §5.6
            Map.entry(Fingerprint.NAME, Fingerprint::parse),     // RFC 8122
            Map.entry(Setup.NAME, Setup::parse),                 // RFC 4145
            Map.entry(Candidate.NAME, Candidate::parse),         // RFC 8839 §5.1
            Map.entry(SCTP_PORT, SCTP_PORT_VALUE),               // RFC 8841
            Map.entry(MAX_MESSAGE_SIZE, MAX_MESSAGE_SIZE_VALUE),
            Map.entry(SctpMap.NAME, SctpMap::parse),             // legacy draft-ietf-mmusic-sctp-sdp-05
            Map.entry(Rid.NAME, Rid::parse),                     // RFC 8851
            Map.entry(Simulcast.NAME, Simulcast::parse));        // RFC 8853

    private KnownAttributes() {}

    /** Throws if a known value attribute lacks its value or its value is malformed. */
    static void check(Attribute a) throws SdpParseException {
        ValueParser<?> parser = VALUE_ATTRIBUTES.get(a.name());
        if (parser == null) {
            return;
        }
        if (a.value() == null) {
            throw new SdpParseException("a=" + a.name() + " needs a value");
        }
        try {
            parser.parse(a.value());
        } catch (SdpParseException e) {
            throw e.at(0, "a=" + a.name() + ": ");
        }
    }
}
