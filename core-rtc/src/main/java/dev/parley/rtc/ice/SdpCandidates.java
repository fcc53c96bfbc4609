package dev.parley.rtc.ice;

import dev.parley.rtc.sdp.Candidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the agent's candidates and their SDP form, the {@code candidate} attribute of
 * RFC 8839 §5.1 (with RFC 6544's {@code tcptype}) as browsers signal it.
 */
public final class SdpCandidates {
    /** RFC 6544 §4.5: active TCP candidates are signalled with the discard port. */
    private static final int DISCARD_PORT = 9;

    private SdpCandidates() {}

    /** The SDP form of a local candidate, with {@code ufrag} as browsers add it for trickle ICE. */
    public static Candidate toSdp(IceCandidate candidate, String ufrag) {
        List<Candidate.Extension> extensions = new ArrayList<>();
        int port = candidate.address().getPort();
        if (candidate.tcpType() != null) {
            extensions.add(new Candidate.Extension("tcptype", candidate.tcpType().sdpName()));
            if (candidate.tcpType() == TcpType.ACTIVE) {
                port = DISCARD_PORT;
            }
        }
        if (ufrag != null) {
            extensions.add(new Candidate.Extension("ufrag", ufrag));
        }
        InetSocketAddress related = candidate.relatedAddress();
        return new Candidate(candidate.foundation(), candidate.component(), candidate.protocol().sdpName(),
                candidate.priority(), candidate.address().getAddress().getHostAddress(), port,
                candidate.type().sdpName(), related == null ? null : related.getAddress().getHostAddress(),
                related == null ? Candidate.NO_PORT : related.getPort(), extensions);
    }

    /**
     * The agent's form of a remote candidate.
     *
     * @throws IllegalArgumentException naming the reason, for candidates the agent cannot use: an
     *     unknown type or transport, a TCP candidate without tcptype, or an address that is not an
     *     IP literal (mDNS {@code .local} names need a resolver, which the agent does not have yet)
     */
    public static IceCandidate fromSdp(Candidate candidate) {
        TransportProtocol protocol = TransportProtocol.fromSdpName(candidate.transport());
        if (protocol == null) {
            throw new IllegalArgumentException("unsupported candidate transport \"" + candidate.transport() + "\"");
        }
        CandidateType type = CandidateType.fromSdpName(candidate.type());
        if (type == null) {
            throw new IllegalArgumentException("unknown candidate type \"" + candidate.type() + "\"");
        }
        TcpType tcpType = null;
        if (protocol == TransportProtocol.TCP) {
            String token = candidate.tcpType().orElseThrow(
                    () -> new IllegalArgumentException("TCP candidate without tcptype (RFC 6544 §4.5)"));
            tcpType = TcpType.fromSdpName(token);
            if (tcpType == null) {
                throw new IllegalArgumentException("unknown tcptype \"" + token + "\"");
            }
        }
        if (candidate.priority() < 1) {
            throw new IllegalArgumentException("candidate priority must be positive");
        }
        InetSocketAddress address = new InetSocketAddress(literal(candidate.address()), candidate.port());
        InetSocketAddress related = candidate.relatedAddress() == null || candidate.relatedPort() == Candidate.NO_PORT
                ? null
                : new InetSocketAddress(literal(candidate.relatedAddress()), candidate.relatedPort());
        return new IceCandidate(candidate.foundation(), candidate.component(), protocol, candidate.priority(), address,
                type, related, tcpType);
    }

    /** Parses an IP literal without ever asking DNS. */
    private static InetAddress literal(String text) {
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("candidate address \"" + text + "\" is not an IP literal"
                    + (text.endsWith(".local") ? " (mDNS names are not resolved yet)" : ""));
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("malformed IP literal \"" + text + "\"", e);
        }
    }
}
