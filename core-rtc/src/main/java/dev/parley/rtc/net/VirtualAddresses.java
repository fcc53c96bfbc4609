package dev.parley.rtc.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses address literals without ever asking a resolver. */
final class VirtualAddresses {
    private VirtualAddresses() {}

    /** An IPv4 or IPv6 literal; a host name is rejected rather than looked up. */
    static InetAddress parse(String literal) {
        String text = literal.strip();
        boolean looksLiteral = text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
        if (!looksLiteral) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        try {
            return InetAddress.getByName(text); // literals are parsed, not resolved
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }
}
