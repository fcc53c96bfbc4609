package dev.parley.rtc.sctp;

import java.util.Arrays;

/**
 * A bounds-checked big-endian cursor over {@code buf[pos, end)} (network byte order, RFC 9260
 * §3). Every read that would run past {@code end} throws {@link SctpParseException}; offsets in
 * messages are relative to {@code base}, the start of the SCTP packet.
 */
final class WireReader {
    private final byte[] buf;
    private final int base;
    private final int end;
    private int pos;

    WireReader(byte[] buf, int base, int pos, int end) {
        this.buf = buf;
        this.base = base;
        this.pos = pos;
        this.end = end;
    }

    /** Offset of the cursor from the start of the packet. */
    int offset() {
        return pos - base;
    }

    int remaining() {
        return end - pos;
    }

    int u8(String what) throws SctpParseException {
        require(1, what);
        return buf[pos++] & 0xFF;
    }

    int u16(String what) throws SctpParseException {
        require(2, what);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String what) throws SctpParseException {
        require(4, what);
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** A copy of the next {@code n} bytes: parsed values never share the caller's buffer. */
    byte[] bytes(int n, String what) throws SctpParseException {
        require(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A reader over the next {@code n} bytes; this reader moves past them. */
    WireReader slice(int n, String what) throws SctpParseException {
        require(n, what);
        WireReader r = new WireReader(buf, base, pos, pos + n);
        pos += n;
        return r;
    }

    /** Moves past up to {@code n} bytes (padding that may be cut short at the end of the region). */
    void skipAtMost(int n) {
        pos += Math.min(n, end - pos);
    }

    private void require(int n, String what) throws SctpParseException {
        if (n < 0 || n > end - pos) {
            throw new SctpParseException(what + " at offset " + offset() + ": needs " + n + " bytes, only "
                    + (end - pos) + " remain");
        }
    }

    /** RFC 9260 §3.2: chunks and parameters are padded to a multiple of 4 bytes. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
