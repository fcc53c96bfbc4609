package dev.parley.rtc.net;

import dev.parley.rtc.rtp.RtpOrRtcp;

/**
 * Sorts the datagrams of one ICE transport by their first byte, as RFC 7983 §7 lays out
 * (updating RFC 5764 §5.1.2), and RTP from RTCP by the second byte (RFC 5761 §4):
 *
 * <pre>
 *               +----------------+
 *               |        [0..3] -+--> STUN
 *               |      [16..19] -+--> ZRTP (dropped)
 *   packet -->  |      [20..63] -+--> DTLS
 *               |      [64..79] -+--> TURN ChannelData
 *               |    [128..191] -+--> RTP / RTCP
 *               +----------------+
 * </pre>
 *
 * It only classifies; each protocol's parser judges the rest of the bytes. Never throws.
 */
public final class PacketDemultiplexer {
    private PacketDemultiplexer() {}

    public static PacketKind classify(byte[] packet) {
        return classify(packet, 0, packet.length);
    }

    /** Classifies {@code packet[offset, offset + length)}; out-of-range slices are {@link PacketKind#UNKNOWN}. */
    public static PacketKind classify(byte[] packet, int offset, int length) {
        if (offset < 0 || length < 1 || offset > packet.length - length) {
            return PacketKind.UNKNOWN;
        }
        int first = packet[offset] & 0xFF;
        if (first <= 3) {
            return PacketKind.STUN;
        }
        if (first >= 16 && first <= 19) {
            return PacketKind.ZRTP;
        }
        if (first >= 20 && first <= 63) {
            return PacketKind.DTLS;
        }
        if (first >= 64 && first <= 79) {
            return PacketKind.TURN_CHANNEL;
        }
        if (first >= 128 && first <= 191) {
            return RtpOrRtcp.isRtcp(packet, offset, length) ? PacketKind.RTCP : PacketKind.RTP;
        }
        return PacketKind.UNKNOWN;
    }
}
