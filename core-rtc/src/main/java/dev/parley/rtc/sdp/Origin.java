package dev.parley.rtc.sdp;

import java.util.List;

/**
 * The {@code o=} line, RFC 8866 §5.2:
 * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}.
 * The session id is kept as its digit string (it may exceed a long); the version is a long so
 * JSEP (RFC 8829 §5.2.2) can increment it.
 */
public record Origin(String username, String sessionId, long sessionVersion,
                     String netType, String addrType, String address) {
    public Origin {
        SdpTokens.requireWord(username, "username");
        SdpTokens.requireWord(sessionId, "sessionId");
        SdpTokens.requireWord(netType, "netType");
        SdpTokens.requireWord(addrType, "addrType");
        SdpTokens.requireWord(address, "address");
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("negative session version");
        }
    }

    public static Origin parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.fields(value, 6, "origin");
        String id = f.get(1);
        if (!isDigits(id)) {
            throw new SdpParseException("session id " + SdpTokens.quote(id) + " is not a decimal number");
        }
        long version = SdpTokens.parseLong(f.get(2), 0, Long.MAX_VALUE, "session version");
        return new Origin(f.get(0), id, version, f.get(3), f.get(4), f.get(5));
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }

    public String toValue() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }
}
