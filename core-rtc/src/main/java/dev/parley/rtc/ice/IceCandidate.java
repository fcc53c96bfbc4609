package dev.parley.rtc.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One ICE candidate, local or remote, with resolved addresses (RFC 8445 §5.1). Its SDP form, the
 * {@code candidate} attribute, is {@code dev.parley.rtc.sdp}'s job; this is what the agent pairs
 * and checks.
 *
 * @param foundation equal for candidates of the same type, base IP, server and transport
 *     (RFC 8445 §5.1.1.3); used for freezing
 * @param component 1 for RTP (WebRTC multiplexes RTCP onto it)
 * @param relatedAddress the base or mapped address for reflexive and relayed candidates, else {@code null}
 * @param tcpType the ICE-TCP role, {@code null} for UDP
 */
public record IceCandidate(
        String foundation,
        int component,
        TransportProtocol protocol,
        long priority,
        InetSocketAddress address,
        CandidateType type,
        InetSocketAddress relatedAddress,
        TcpType tcpType) {

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (component < 1 || component > 256) {
            throw new IllegalArgumentException("component out of 1..256: " + component);
        }
        if (priority < 1 || priority > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("priority out of 1..2^32-1: " + priority);
        }
        if ((protocol == TransportProtocol.TCP) != (tcpType != null)) {
            throw new IllegalArgumentException("tcpType is required for TCP candidates and only for them");
        }
    }

    /** RFC 8445 §6.1.2.2: pairs need the same component, transport and IP address family. */
    public boolean canPairWith(IceCandidate remote) {
        if (component != remote.component || protocol != remote.protocol) {
            return false;
        }
        if (address.getAddress().getClass() != remote.address.getAddress().getClass()) {
            return false;
        }
        return tcpType == null || tcpType.canPairWith(remote.tcpType);
    }
}
