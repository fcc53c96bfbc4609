package dev.parley.rtc.sctp;

import java.util.Arrays;

/** A growable big-endian byte sink for writing SCTP packets; padding is written as zeros. */
final class WireWriter {
    private byte[] buf;
    private int size;

    WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** Zero bytes up to the next multiple of 4 from the start of this writer (RFC 9260 §3.2). */
    void pad() {
        int n = WireReader.padded(size) - size;
        ensure(n);
        size += n; // the array is zero-filled and never written past size
    }

    /** Overwrites a 16-bit length field written earlier. */
    void setU16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
