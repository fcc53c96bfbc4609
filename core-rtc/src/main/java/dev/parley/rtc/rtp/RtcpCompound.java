package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A compound RTCP packet (RFC 3550 §6.1): one or more RTCP packets back to back, as carried in one
 * UDP datagram (after SRTCP decryption). Parsing does not require SR/RR first, so reduced-size
 * RTCP (RFC 5506, e.g. a lone PLI or TWCC feedback) parses; {@link #isValidFullCompound()} checks
 * the RFC 3550 rules separately.
 *
 * <p>Padding (RFC 3550 §6.4.1) is only allowed on the last packet; it is kept here as a length so
 * that the bytes round-trip (padding is written as zeros ending in the count).
 */
public final class RtcpCompound {
    private final List<RtcpPacket> packets;
    private final int paddingLength;

    private RtcpCompound(List<RtcpPacket> packets, int paddingLength) {
        this.packets = packets;
        this.paddingLength = paddingLength;
    }

    public static RtcpCompound of(List<? extends RtcpPacket> packets) {
        return of(packets, 0);
    }

    public static RtcpCompound of(RtcpPacket... packets) {
        return of(List.of(packets), 0);
    }

    /** A compound whose last packet carries {@code paddingLength} bytes of padding (0 for none, else 1..255). */
    public static RtcpCompound of(List<? extends RtcpPacket> packets, int paddingLength) {
        List<RtcpPacket> copy = List.copyOf(packets);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a compound RTCP packet holds at least one packet");
        }
        return new RtcpCompound(copy, Check.bits(paddingLength, 8, "padding length"));
    }

    public static RtcpCompound parse(byte[] buf) throws RtpParseException {
        return parse(buf, 0, buf.length);
    }

    /** Parses {@code buf[off, off+len)}; offsets in errors are relative to {@code off}. Copies what it keeps. */
    public static RtcpCompound parse(byte[] buf, int off, int len) throws RtpParseException {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new RtpParseException(0, "RTCP: range " + off + "+" + len + " outside a " + buf.length + "-byte array");
        }
        if (len == 0) {
            throw new RtpParseException(0, "RTCP packet at offset 0: empty");
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int padding = 0;
        int p = off;
        int end = off + len;
        while (p < end) {
            int at = p - off;
            if (end - p < Rtcp.HEADER_LENGTH) {
                throw new RtpParseException(at, "RTCP packet at offset " + at + ": header needs 4 bytes, only "
                        + (end - p) + " remain");
            }
            int b0 = buf[p] & 0xFF;
            if (b0 >> 6 != RtpPacket.VERSION) {
                throw new RtpParseException(at, "RTCP packet at offset " + at + ": version " + (b0 >> 6) + ", expected 2");
            }
            int type = buf[p + 1] & 0xFF;
            int words = ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
            int total = Rtcp.HEADER_LENGTH + 4 * words; // RFC 3550 §6.4.1: length in words minus one
            if (total > end - p) {
                throw new RtpParseException(at, "RTCP packet at offset " + at + ": length " + words
                        + " words exceeds remaining " + (end - p - Rtcp.HEADER_LENGTH) + " bytes");
            }
            int contentLength = total - Rtcp.HEADER_LENGTH;
            if ((b0 & 0x20) != 0) {
                if (p + total != end) { // RFC 3550 §6.4.1: only the last packet may be padded
                    throw new RtpParseException(at, "RTCP packet at offset " + at
                            + ": padding bit set on a packet that is not the last of the compound");
                }
                padding = buf[p + total - 1] & 0xFF;
                if (padding == 0 || padding > contentLength) {
                    throw new RtpParseException(total - 1 + at, "RTCP padding count at offset " + (at + total - 1)
                            + ": " + padding + " is not within 1.." + contentLength);
                }
                contentLength -= padding;
            }
            ByteReader content = new ByteReader(buf, p + Rtcp.HEADER_LENGTH, contentLength, off);
            packets.add(RtcpPacketParser.parse(type, b0 & 0x1F, content, at));
            p += total;
        }
        return new RtcpCompound(List.copyOf(packets), padding);
    }

    public List<RtcpPacket> packets() {
        return packets;
    }

    /** Padding bytes (count byte included) after the last packet; 0 when its P bit is clear. */
    public int paddingLength() {
        return paddingLength;
    }

    public int length() {
        int n = 0;
        for (int i = 0; i < packets.size(); i++) {
            n += Rtcp.framedLength(packets.get(i), i == packets.size() - 1 ? paddingLength : 0);
        }
        return n;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(length());
        for (int i = 0; i < packets.size(); i++) {
            Rtcp.write(packets.get(i), i == packets.size() - 1 ? paddingLength : 0, out);
        }
        return out.array();
    }

    /**
     * The RFC 3550 rules for a full compound packet (§6.1, validity checks of §A.2): the first
     * packet is an SR or RR, and an SDES packet carries a CNAME. Padding only on the last packet
     * and consistent lengths are already enforced by parsing. Reduced-size RTCP (RFC 5506) fails this check.
     */
    public boolean isValidFullCompound() {
        RtcpPacket first = packets.get(0);
        if (!(first instanceof SenderReport) && !(first instanceof ReceiverReport)) {
            return false;
        }
        for (RtcpPacket p : packets) {
            if (p instanceof SourceDescription sdes && sdes.hasCname()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtcpCompound c && c.paddingLength == paddingLength && c.packets.equals(packets);
    }

    @Override
    public int hashCode() {
        return 31 * packets.hashCode() + paddingLength;
    }

    @Override
    public String toString() {
        return "RtcpCompound" + packets + (paddingLength > 0 ? " padding=" + paddingLength : "");
    }
}
