package dev.parley.rtc.ice;

import java.util.Locale;
import java.util.Objects;

/**
 * A STUN or TURN server URL as {@code RTCIceServer.urls} carries it: {@code stun:host[:port]}
 * (RFC 7064), {@code turn:host[:port][?transport=udp|tcp]} and the TLS schemes {@code stuns:},
 * {@code turns:} (RFC 7065). Hosts are names, IPv4 literals or bracketed IPv6 literals.
 *
 * @param scheme the scheme, lower case
 * @param host the host without brackets
 * @param port the port, or the scheme's default (3478, or 5349 for the TLS schemes)
 * @param transport {@code udp} or {@code tcp}; TLS schemes always use {@code tcp}
 */
public record IceServerUrl(Scheme scheme, String host, int port, TransportProtocol transport) {

    /** The four URL schemes of RFC 7064 and RFC 7065. */
    public enum Scheme {
        STUN("stun", 3478, false, false),
        STUNS("stuns", 5349, true, false),
        TURN("turn", 3478, false, true),
        TURNS("turns", 5349, true, true);

        private final String token;
        private final int defaultPort;
        private final boolean secure;
        private final boolean turn;

        Scheme(String token, int defaultPort, boolean secure, boolean turn) {
            this.token = token;
            this.defaultPort = defaultPort;
            this.secure = secure;
            this.turn = turn;
        }

        public boolean isSecure() {
            return secure;
        }

        public boolean isTurn() {
            return turn;
        }

        public int defaultPort() {
            return defaultPort;
        }

        @Override
        public String toString() {
            return token;
        }
    }

    public IceServerUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * Parses a server URL.
     *
     * @throws IllegalArgumentException with a message naming the fault, for a malformed URL
     *     (the W3C API reports it as {@code SyntaxError})
     * @throws UnsupportedOperationException for a scheme other than the four above, or a
     *     transport other than udp/tcp ({@code NotSupportedError})
     */
    public static IceServerUrl parse(String url) {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("ICE server URL is empty");
        }
        int colon = url.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("ICE server URL has no scheme: \"" + url + "\"");
        }
        String schemeToken = url.substring(0, colon).toLowerCase(Locale.ROOT);
        Scheme scheme = null;
        for (Scheme s : Scheme.values()) {
            if (s.token.equals(schemeToken)) {
                scheme = s;
            }
        }
        if (scheme == null) {
            throw new UnsupportedOperationException(
                    "ICE server URL scheme \"" + schemeToken + "\" is not one of stun, stuns, turn, turns: \"" + url + "\"");
        }
        String rest = url.substring(colon + 1);
        if (rest.startsWith("//")) {
            throw new IllegalArgumentException("ICE server URLs take no \"//\" (RFC 7064): \"" + url + "\"");
        }

        TransportProtocol transport = scheme.isSecure() ? TransportProtocol.TCP : TransportProtocol.UDP;
        int query = rest.indexOf('?');
        if (query >= 0) {
            if (!scheme.isTurn()) {
                throw new IllegalArgumentException("a " + scheme + " URL takes no query (RFC 7064): \"" + url + "\"");
            }
            String q = rest.substring(query + 1);
            rest = rest.substring(0, query);
            if (!q.startsWith("transport=")) {
                throw new IllegalArgumentException("the only TURN URL query is transport=udp|tcp (RFC 7065): \"" + url + "\"");
            }
            String t = q.substring("transport=".length()).toLowerCase(Locale.ROOT);
            if (t.equals("udp")) {
                if (scheme.isSecure()) {
                    throw new UnsupportedOperationException("turns: runs over TLS, so transport=udp is not supported: \"" + url + "\"");
                }
                transport = TransportProtocol.UDP;
            } else if (t.equals("tcp")) {
                transport = TransportProtocol.TCP;
            } else if (t.matches("[a-z0-9.+-]+")) {
                throw new UnsupportedOperationException("TURN transport \"" + t + "\" is not supported (udp or tcp): \"" + url + "\"");
            } else {
                throw new IllegalArgumentException("malformed TURN transport \"" + t + "\": \"" + url + "\"");
            }
        }

        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in IPv6 host: \"" + url + "\"");
            }
            host = rest.substring(1, close);
            if (!host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) {
                throw new IllegalArgumentException("malformed IPv6 literal \"" + host + "\": \"" + url + "\"");
            }
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("unexpected text after IPv6 host: \"" + url + "\"");
                }
                portText = after.substring(1);
            }
        } else {
            int portColon = rest.lastIndexOf(':');
            if (portColon >= 0) {
                host = rest.substring(0, portColon);
                portText = rest.substring(portColon + 1);
            } else {
                host = rest;
            }
            // RFC 3986 reg-name / IPv4address, restricted to what DNS and literals use.
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("malformed host \"" + host + "\" (IPv6 literals go in brackets): \"" + url + "\"");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("ICE server URL has no host: \"" + url + "\"");
        }
        int port = scheme.defaultPort();
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("malformed port \"" + portText + "\": \"" + url + "\"");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " out of 1..65535: \"" + url + "\"");
            }
        }
        return new IceServerUrl(scheme, host, port, transport);
    }

    /** The URL in its canonical form: {@code scheme:host:port[?transport=…]} with brackets for IPv6. */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String base = scheme + ":" + h + ":" + port;
        return scheme.isTurn() && !scheme.isSecure() ? base + "?transport=" + transport.sdpName() : base;
    }
}
