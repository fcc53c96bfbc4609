package dev.parley.rtc.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** The 96-bit transaction id of a STUN message (RFC 8489 §5). */
public record TransactionId(byte[] bytes) {
    public static final int LENGTH = 12;

    public TransactionId {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a transaction id is 12 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A fresh id; RFC 8489 §5 asks for a cryptographically random one, so pass a SecureRandom. */
    public static TransactionId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new TransactionId(b);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the id into {@code dst} at {@code offset} without an intermediate copy. */
    void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, LENGTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
