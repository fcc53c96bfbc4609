package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.util.List;

/** Checks shared by the video depacketizers: one frame's packets, consecutive, the last marked. */
final class PacketRun {
    private PacketRun() {}

    /**
     * What is wrong with {@code packets} as one whole frame's packets in order, or null if nothing:
     * none at all, timestamps that differ, a gap in sequence numbers (RFC 3550 §5.1: they count up
     * by one, modulo 2^16), or no marker bit on the last (RFC 7741 §4.1, RFC 6184 §5.1).
     */
    static String problem(List<RtpPacket> packets) {
        if (packets.isEmpty()) {
            return "no packets";
        }
        RtpPacket first = packets.get(0);
        for (int i = 1; i < packets.size(); i++) {
            RtpPacket p = packets.get(i);
            if (p.timestamp() != first.timestamp()) {
                return "packets of two frames (timestamps " + first.timestamp() + " and " + p.timestamp() + ")";
            }
            int expected = (packets.get(i - 1).sequenceNumber() + 1) & 0xFFFF;
            if (p.sequenceNumber() != expected) {
                return "packet " + expected + " (got " + p.sequenceNumber() + " next)";
            }
        }
        if (!packets.get(packets.size() - 1).marker()) {
            return "the last packet (marker bit) after " + packets.get(packets.size() - 1).sequenceNumber();
        }
        return null;
    }
}
