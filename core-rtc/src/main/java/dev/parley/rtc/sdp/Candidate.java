package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICE candidate, RFC 8839 §5.1:
 * <pre>
 * candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt; &lt;address&gt; &lt;port&gt;
 *           typ &lt;type&gt; [raddr &lt;rel-addr&gt;] [rport &lt;rel-port&gt;] *(&lt;ext-name&gt; &lt;ext-value&gt;)
 * </pre>
 * Extensions (RFC 6544 {@code tcptype}, Chromium's {@code generation}, {@code ufrag},
 * {@code network-id}, {@code network-cost}, …) are kept in order so the candidate writes back
 * as it came. The address is an IPv4 or IPv6 literal or a host name (mDNS {@code .local} names
 * per draft-ietf-mmusic-mdns-ice-candidates).
 *
 * @param relatedAddress the {@code raddr}, or null
 * @param relatedPort    the {@code rport}, or {@link #NO_PORT}
 */
public record Candidate(String foundation, int component, String transport, long priority,
                        String address, int port, String type, String relatedAddress, int relatedPort,
                        List<Extension> extensions) implements AttributeValue {
    public static final String NAME = "candidate";
    public static final int NO_PORT = -1;
    private static final String PREFIX = NAME + ":";

    /** One {@code <name> <value>} extension pair (RFC 8839 §5.1 cand-extension). */
    public record Extension(String name, String value) {
        public Extension {
            SdpTokens.requireWord(name, "candidate extension name");
            SdpTokens.requireWord(value, "candidate extension value");
        }
    }

    public Candidate {
        SdpTokens.requireWord(foundation, "foundation");
        SdpTokens.requireWord(transport, "transport");
        SdpTokens.requireWord(address, "address");
        SdpTokens.requireWord(type, "candidate type");
        if (relatedAddress != null) {
            SdpTokens.requireWord(relatedAddress, "related address");
        }
        if (component < 1 || component > 256 || priority < 0 || priority > 0xFFFF_FFFFL
                || port < 0 || port > 65535 || relatedPort < NO_PORT || relatedPort > 65535) {
            throw new IllegalArgumentException("candidate number out of range");
        }
        extensions = List.copyOf(extensions);
    }

    /**
     * Parses a candidate as trickled in {@code RTCIceCandidate.candidate} ({@code "candidate:…"}),
     * as the value of an {@code a=candidate} attribute, or with the {@code "a="} prefix.
     */
    public static Candidate parse(String text) throws SdpParseException {
        Objects.requireNonNull(text, "text");
        String v = text.startsWith("a=") ? text.substring(2) : text;
        if (v.startsWith(PREFIX)) {
            v = v.substring(PREFIX.length());
        }
        if (!SdpLine.isValidText(v)) {
            throw new SdpParseException("candidate contains NUL, CR or LF");
        }
        List<String> f = SdpTokens.split(v);
        if (f.size() < 8) {
            throw new SdpParseException("candidate needs at least 8 fields (foundation component transport "
                    + "priority address port typ type), got " + f.size());
        }
        String foundation = f.get(0);
        int component = SdpTokens.parseInt(f.get(1), 1, 256, "candidate component id");
        String transport = SdpTokens.token(f.get(2), "candidate transport");
        long priority = SdpTokens.parseLong(f.get(3), 0, 0xFFFF_FFFFL, "candidate priority");
        String address = checkAddress(f.get(4));
        int port = SdpTokens.port(f.get(5), "candidate port");
        if (!"typ".equals(f.get(6))) {
            throw new SdpParseException("candidate field 7 must be 'typ', got " + SdpTokens.quote(f.get(6)));
        }
        String type = SdpTokens.token(f.get(7), "candidate type");
        String raddr = null;
        int rport = NO_PORT;
        List<Extension> ext = new ArrayList<>();
        for (int i = 8; i < f.size(); i += 2) {
            String name = f.get(i);
            if (i + 1 >= f.size()) {
                throw new SdpParseException("candidate extension " + SdpTokens.quote(name) + " has no value");
            }
            String value = f.get(i + 1);
            if (ext.isEmpty() && "raddr".equals(name) && raddr == null) {
                raddr = checkAddress(value);
            } else if (ext.isEmpty() && "rport".equals(name) && rport == NO_PORT) {
                rport = SdpTokens.port(value, "candidate rport");
            } else {
                ext.add(new Extension(SdpTokens.token(name, "candidate extension name"), value));
            }
        }
        return new Candidate(foundation, component, transport, priority, address, port, type, raddr, rport, ext);
    }

    /** IPv4 dotted quad, IPv6 literal, or a host name; anything else is unusable for ICE. */
    static String checkAddress(String a) throws SdpParseException {
        boolean ipv4Chars = true;
        boolean ipv6Chars = true;
        boolean hostChars = true;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            ipv4Chars &= digit || c == '.';
            ipv6Chars &= hex || c == ':' || c == '.';
            hostChars &= letter || digit || c == '-' || c == '.' || c == '_';
        }
        if (ipv4Chars) {
            if (!isIpv4(a)) {
                throw new SdpParseException("candidate address " + SdpTokens.quote(a) + " is not a valid IPv4 address");
            }
        } else if (a.indexOf(':') >= 0) {
            if (!ipv6Chars || a.indexOf(':') == a.lastIndexOf(':')) {
                throw new SdpParseException("candidate address " + SdpTokens.quote(a) + " is not a valid IPv6 address");
            }
        } else if (!hostChars) {
            throw new SdpParseException("candidate address " + SdpTokens.quote(a)
                    + " is neither an IP address nor a host name");
        }
        return a;
    }

    private static boolean isIpv4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The value of the first extension with this name. */
    public Optional<String> extension(String name) {
        for (Extension e : extensions) {
            if (e.name.equals(name)) {
                return Optional.of(e.value);
            }
        }
        return Optional.empty();
    }

    /** RFC 6544 §4.5 {@code tcptype} (active, passive, so), for TCP candidates. */
    public Optional<String> tcpType() {
        return extension("tcptype");
    }

    /** The ICE ufrag Chromium puts on trickled candidates. */
    public Optional<String> ufrag() {
        return extension("ufrag");
    }

    public boolean isUdp() {
        return "udp".equals(transport.toLowerCase(Locale.ROOT));
    }

    public boolean isTcp() {
        return "tcp".equals(transport.toLowerCase(Locale.ROOT));
    }

    /** True for an mDNS host name (draft-ietf-mmusic-mdns-ice-candidates §3.1). */
    public boolean isMdnsName() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** The attribute value, without the {@code candidate:} prefix. */
    public String toValue() {
        StringBuilder sb = new StringBuilder();
        sb.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port)
                .append(" typ ").append(type);
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort != NO_PORT) {
            sb.append(" rport ").append(relatedPort);
        }
        for (Extension e : extensions) {
            sb.append(' ').append(e.name).append(' ').append(e.value);
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }

    /** The trickle form, {@code candidate:…}, as in {@code RTCIceCandidate.candidate}. */
    @Override
    public String toString() {
        return PREFIX + toValue();
    }
}
