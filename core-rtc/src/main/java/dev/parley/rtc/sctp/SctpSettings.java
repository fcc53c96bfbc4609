package dev.parley.rtc.sctp;

import java.time.Duration;

/**
 * Tunables of an SCTP association (RFC 9260 §16 protocol parameters, chosen for WebRTC).
 *
 * @param maxPacketSize      largest SCTP packet, common header included: the 1200-byte path MTU
 *                           of RFC 8831 §5 less IP, UDP and DTLS overhead
 * @param receiveWindow      bytes we buffer for reassembly: our a_rwnd when empty. Large, so a
 *                           long fat path is not window-limited (pion/sctp#218)
 * @param maxMessageSize     largest user message we accept (RFC 8841 §6: what our SDP says)
 * @param rtoInitial         RTO.Initial
 * @param rtoMin             RTO.Min; lower than the RFC's 1 s as browsers use (dcsctp: 400 ms),
 *                           yet above the peer's 200 ms delayed SACK so T3 does not fire on it
 * @param rtoMax             RTO.Max
 * @param maxInitRetransmits Max.Init.Retransmits
 * @param maxRetransmits     Association.Max.Retrans: consecutive T3/heartbeat failures before the
 *                           association is declared dead
 * @param heartbeatInterval  HB.interval, added to the RTO
 * @param delayedAck         the SACK delay of RFC 9260 §6.2 (at most 500 ms; every second packet
 *                           is acknowledged at once anyway)
 * @param cookieLifetime     Valid.Cookie.Life
 */
public record SctpSettings(int maxPacketSize, long receiveWindow, long maxMessageSize, Duration rtoInitial,
                           Duration rtoMin, Duration rtoMax, int maxInitRetransmits, int maxRetransmits,
                           Duration heartbeatInterval, Duration delayedAck, Duration cookieLifetime) {
    /** 1200 − IPv6 40 − UDP 8 − DTLS 1.2 AEAD record overhead 29 (13 header, 8 nonce, 16 tag would be 37; CBC more) rounded down to a multiple of 4. */
    public static final int DEFAULT_MAX_PACKET_SIZE = 1140;
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 262_144;

    public SctpSettings {
        if (maxPacketSize < 512 || maxPacketSize > 65_535) {
            throw new IllegalArgumentException("maxPacketSize " + maxPacketSize + " outside 512..65535");
        }
        if (receiveWindow < 4 * maxPacketSize || receiveWindow > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("receiveWindow " + receiveWindow + " too small or too large");
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive");
        }
        if (rtoMin.compareTo(rtoInitial) > 0 || rtoInitial.compareTo(rtoMax) > 0) {
            throw new IllegalArgumentException("need rtoMin <= rtoInitial <= rtoMax");
        }
    }

    public static SctpSettings defaults() {
        return new SctpSettings(DEFAULT_MAX_PACKET_SIZE, 4L << 20, DEFAULT_MAX_MESSAGE_SIZE,
                Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofSeconds(60), 8, 10,
                Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(60));
    }

    public SctpSettings withMaxMessageSize(long bytes) {
        return new SctpSettings(maxPacketSize, receiveWindow, bytes, rtoInitial, rtoMin, rtoMax, maxInitRetransmits,
                maxRetransmits, heartbeatInterval, delayedAck, cookieLifetime);
    }
}
