package dev.parley.rtc.sdp;

import java.util.List;

/**
 * {@code a=rtcp:<port> [<nettype> <addrtype> <connection-address>]}, RFC 3605 §2.1.
 *
 * @param address the optional address, or null
 */
public record Rtcp(int port, Connection address) implements AttributeValue {
    public static final String NAME = "rtcp";

    public Rtcp {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static Rtcp parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.size() != 1 && f.size() != 4) {
            throw new SdpParseException("rtcp needs <port> [<nettype> <addrtype> <address>], got "
                    + SdpTokens.quote(value));
        }
        int port = SdpTokens.port(f.get(0), "rtcp port");
        return new Rtcp(port, f.size() == 1 ? null : new Connection(f.get(1), f.get(2), f.get(3)));
    }

    public String toValue() {
        return address == null ? Integer.toString(port) : port + " " + address.toValue();
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
