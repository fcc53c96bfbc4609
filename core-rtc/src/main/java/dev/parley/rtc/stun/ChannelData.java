package dev.parley.rtc.stun;

import java.util.Arrays;
import java.util.Objects;

/**
 * A TURN ChannelData message (RFC 8656 §12.4): a 4-byte header (channel number, length) and
 * the application data, relayed on a channel bound with ChannelBind.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Channel Number        |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                       Application Data                        /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Over TCP/TLS the message is padded to a multiple of 4 bytes; over UDP padding is optional
 * (RFC 8656 §12.5). Parsing accepts both; the writer is told which.
 */
public record ChannelData(int channelNumber, byte[] data) {
    public static final int HEADER_LENGTH = 4;
    /** RFC 8656 §12: channel numbers 0x4000 through 0x4FFF; the rest are reserved. */
    public static final int MIN_CHANNEL = 0x4000;
    public static final int MAX_CHANNEL = 0x4FFF;

    public ChannelData {
        if (channelNumber < MIN_CHANNEL || channelNumber > MAX_CHANNEL) {
            throw new IllegalArgumentException(String.format("channel number 0x%04X outside 0x4000-0x4FFF", channelNumber));
        }
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("ChannelData carries at most 65535 bytes, not " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * A cheap test for the demultiplexer: first byte 0x40–0x4F (RFC 7983 §7, RFC 8656 §12)
     * and room for the header. Never throws, whatever the arguments.
     */
    public static boolean looksLikeChannelData(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
            return false;
        }
        return (buf[off] & 0xF0) == 0x40;
    }

    public static ChannelData parse(byte[] raw) throws StunParseException {
        return parse(raw, 0, raw.length);
    }

    /**
     * Parses one message of exactly {@code len} bytes at {@code off}, with or without padding.
     *
     * @throws StunParseException if the bytes are not a well-formed ChannelData message
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf} (a caller bug)
     */
    public static ChannelData parse(byte[] buf, int off, int len) throws StunParseException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < HEADER_LENGTH) {
            throw new StunParseException(0, "ChannelData of " + len + " bytes is shorter than the 4-byte header");
        }
        int channel = Bytes.u16(buf, off);
        if (channel < MIN_CHANNEL || channel > MAX_CHANNEL) {
            throw new StunParseException(0, String.format(
                    "ChannelData at offset 0: channel number 0x%04X outside 0x4000-0x4FFF", channel));
        }
        int length = Bytes.u16(buf, off + 2);
        int remaining = len - HEADER_LENGTH;
        if (length > remaining) {
            throw new StunParseException(2, "ChannelData at offset 2: length " + length
                    + " exceeds remaining " + remaining + " bytes");
        }
        if (remaining > Bytes.padded(length)) {
            throw new StunParseException(HEADER_LENGTH + length, "ChannelData at offset " + (HEADER_LENGTH + length)
                    + ": " + (remaining - length) + " bytes follow " + length
                    + " bytes of data, more than the padding to a multiple of 4");
        }
        return new ChannelData(channel, Arrays.copyOfRange(buf, off + HEADER_LENGTH, off + HEADER_LENGTH + length));
    }

    /** The message as bytes, zero-padded to a multiple of 4 when {@code padded} (stream transports). */
    public byte[] toBytes(boolean padded) {
        byte[] out = new byte[HEADER_LENGTH + (padded ? Bytes.padded(data.length) : data.length)];
        Bytes.put16(out, 0, channelNumber);
        Bytes.put16(out, 2, data.length);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelData other && channelNumber == other.channelNumber && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * channelNumber + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ChannelData[0x%04X, %d bytes]", channelNumber, data.length);
    }
}
