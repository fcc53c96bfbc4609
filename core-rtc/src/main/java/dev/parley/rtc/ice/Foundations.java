package dev.parley.rtc.ice;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Computes candidate foundations (RFC 8445 §5.1.1.3): candidates share one exactly when they have
 * the same type, base IP address, STUN/TURN server IP address and transport. Browsers put a
 * decimal number there; so do we, a CRC-32 of those four facts, stable across sessions.
 */
final class Foundations {
    private Foundations() {}

    /**
     * @param server the STUN or TURN server's address, {@code null} for host and peer-reflexive candidates
     */
    static String of(CandidateType type, InetAddress base, InetAddress server, TransportProtocol protocol) {
        String facts = type.sdpName() + '|' + base.getHostAddress() + '|'
                + (server == null ? "" : server.getHostAddress()) + '|' + protocol.sdpName();
        CRC32 crc = new CRC32();
        crc.update(facts.getBytes(StandardCharsets.US_ASCII));
        return Long.toString(crc.getValue());
    }
}
