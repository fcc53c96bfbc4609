package dev.parley.rtc.rtp;

import java.util.Arrays;

/**
 * Big-endian cursor over a byte range that reports every overrun as an {@link RtpParseException}
 * naming what was being read and where. Offsets in messages are relative to {@code origin}.
 */
final class ByteReader {
    private final byte[] buf;
    private final int origin;
    private final int limit;
    private int pos;

    /** Reads {@code buf[off .. off+len)}; offsets are reported relative to {@code origin}. */
    ByteReader(byte[] buf, int off, int len, int origin) {
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
        this.origin = origin;
    }

    /** Offset of the cursor relative to the origin, for messages. */
    int offset() {
        return pos - origin;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    boolean hasRemaining() {
        return pos < limit;
    }

    void require(int n, String what) throws RtpParseException {
        if (n < 0 || n > limit - pos) {
            throw new RtpParseException(offset(),
                    what + " at offset " + offset() + ": needs " + n + " bytes, only " + remaining() + " remain");
        }
    }

    int u8(String what) throws RtpParseException {
        require(1, what);
        return buf[pos++] & 0xFF;
    }

    int u16(String what) throws RtpParseException {
        require(2, what);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u24(String what) throws RtpParseException {
        require(3, what);
        int v = ((buf[pos] & 0xFF) << 16) | ((buf[pos + 1] & 0xFF) << 8) | (buf[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    /** A 24-bit two's complement value, sign-extended. */
    int s24(String what) throws RtpParseException {
        return (u24(what) << 8) >> 8;
    }

    long u32(String what) throws RtpParseException {
        require(4, what);
        long v = readU32(buf, pos);
        pos += 4;
        return v;
    }

    long u64(String what) throws RtpParseException {
        long hi = u32(what);
        long lo = u32(what);
        return (hi << 32) | lo;
    }

    byte[] bytes(int n, String what) throws RtpParseException {
        require(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    void skip(int n, String what) throws RtpParseException {
        require(n, what);
        pos += n;
    }

    /** True if the bytes at {@code ahead} bytes from the cursor equal {@code expected}; does not move. */
    boolean peekEquals(int ahead, byte[] expected) {
        if (ahead < 0 || expected.length > remaining() - ahead) {
            return false;
        }
        return Arrays.equals(buf, pos + ahead, pos + ahead + expected.length, expected, 0, expected.length);
    }

    RtpParseException error(String message) {
        return new RtpParseException(offset(), message);
    }

    static long readU32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
