package dev.parley.rtc.sdp;

import java.util.List;

/**
 * Connection data, RFC 8866 §5.7: {@code <nettype> <addrtype> <connection-address>} as in
 * {@code c=IN IP4 10.0.0.1}; also the address part of {@code a=rtcp} (RFC 3605). The address
 * is kept as written (it may carry a multicast {@code /ttl/count} suffix).
 */
public record Connection(String netType, String addrType, String address) {
    public Connection {
        SdpTokens.requireWord(netType, "netType");
        SdpTokens.requireWord(addrType, "addrType");
        SdpTokens.requireWord(address, "address");
    }

    public static Connection ip4(String address) {
        return new Connection("IN", "IP4", address);
    }

    public static Connection ip6(String address) {
        return new Connection("IN", "IP6", address);
    }

    public static Connection parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.fields(value, 3, "connection data");
        return new Connection(f.get(0), f.get(1), f.get(2));
    }

    public String toValue() {
        return netType + " " + addrType + " " + address;
    }
}
