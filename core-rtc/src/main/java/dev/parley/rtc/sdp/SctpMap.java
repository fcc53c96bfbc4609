package dev.parley.rtc.sdp;

import java.util.List;

/**
 * The legacy {@code a=sctpmap:<port> <protocol> [<streams>]} of draft-ietf-mmusic-sctp-sdp-05,
 * still sent by old endpoints with {@code DTLS/SCTP}; RFC 8841 replaced it with {@code a=sctp-port}.
 *
 * @param streams the stream count, or 0 when absent
 */
public record SctpMap(int port, String protocol, int streams) implements AttributeValue {
    public static final String NAME = "sctpmap";

    public SctpMap {
        if (port < 0 || port > 65535 || streams < 0 || streams > 65535) {
            throw new IllegalArgumentException("bad sctpmap port/streams: " + port + "/" + streams);
        }
        SdpTokens.requireWord(protocol, "sctpmap protocol");
    }

    public static SctpMap parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.size() != 2 && f.size() != 3) {
            throw new SdpParseException("sctpmap needs <port> <protocol> [<streams>], got " + SdpTokens.quote(value));
        }
        int port = SdpTokens.port(f.get(0), "sctpmap port");
        int streams = f.size() == 3 ? SdpTokens.parseInt(f.get(2), 0, 65535, "sctpmap streams") : 0;
        return new SctpMap(port, f.get(1), streams);
    }

    public String toValue() {
        return port + " " + protocol + (streams == 0 ? "" : " " + streams);
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
