package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An RTCP packet of a type (or feedback FMT) this package does not model, kept raw so that it
 * round-trips: its type, the 5-bit count/FMT field, and the content after the common header.
 * Build typed values for the types this package knows: a raw SR, say, would parse back typed.
 */
public record UnknownRtcpPacket(int packetType, int countOrFormat, byte[] content) implements RtcpPacket {

    public UnknownRtcpPacket {
        Check.bits(packetType, 8, "packet type");
        Check.bits(countOrFormat, 5, "count/format");
        content = Check.words(content, "content");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public int contentLength() {
        return content.length;
    }

    @Override
    public void writeContent(ByteBuffer out) {
        out.put(content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcpPacket u && u.packetType == packetType && u.countOrFormat == countOrFormat
                && Arrays.equals(u.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * packetType + countOrFormat) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "UnknownRtcpPacket[type=" + packetType + ", count=" + countOrFormat + ", " + RtpText.hex(content) + "]";
    }
}
