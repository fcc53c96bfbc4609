package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The {@code m=} line, RFC 8866 §5.14:
 * {@code m=<media> <port>[/<number of ports>] <proto> <fmt> ...}. Formats are kept as strings:
 * RTP payload types for RTP protocols, {@code webrtc-datachannel} for SCTP (RFC 8841).
 *
 * @param portCount number of ports, or 0 when absent
 */
public record MediaLine(String media, int port, int portCount, String protocol, List<String> formats) {
    public MediaLine {
        Objects.requireNonNull(media, "media");
        SdpTokens.requireWord(protocol, "protocol");
        formats = List.copyOf(formats);
        formats.forEach(f -> SdpTokens.requireWord(f, "format"));
        if (port < 0 || port > 65535 || portCount < 0) {
            throw new IllegalArgumentException("bad port " + port + "/" + portCount);
        }
        if (!SdpTokens.isToken(media)) {
            throw new IllegalArgumentException("media type must be a token: " + media);
        }
    }

    public MediaLine(String media, int port, String protocol, List<String> formats) {
        this(media, port, 0, protocol, formats);
    }

    public static MediaLine parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.size() < 3) {
            throw new SdpParseException("media line needs <media> <port> <proto> [<fmt> ...], got " + SdpTokens.quote(value));
        }
        String media = SdpTokens.token(f.get(0), "media type");
        String portText = f.get(1);
        int slash = portText.indexOf('/');
        int port = SdpTokens.port(slash < 0 ? portText : portText.substring(0, slash), "port");
        int count = 0;
        if (slash >= 0) {
            count = SdpTokens.parseInt(portText.substring(slash + 1), 1, 65536, "number of ports");
        }
        String proto = f.get(2);
        return new MediaLine(media, port, count, proto, f.subList(3, f.size()));
    }

    public OptionalInt numberOfPorts() {
        return portCount == 0 ? OptionalInt.empty() : OptionalInt.of(portCount);
    }

    public MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, portCount, protocol, formats);
    }

    public MediaLine withFormats(List<String> newFormats) {
        return new MediaLine(media, port, portCount, protocol, newFormats);
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder(media).append(' ').append(port);
        if (portCount != 0) {
            sb.append('/').append(portCount);
        }
        sb.append(' ').append(protocol);
        for (String fmt : formats) {
            sb.append(' ').append(fmt);
        }
        return sb.toString();
    }
}
