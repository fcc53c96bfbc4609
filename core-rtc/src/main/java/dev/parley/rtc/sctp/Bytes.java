package dev.parley.rtc.sctp;

import java.util.HexFormat;

/** Text for byte-array fields in the records' {@code toString}: length and a short hex preview. */
final class Bytes {
    private static final int PREVIEW = 16;

    private Bytes() {}

    static String preview(byte[] b) {
        String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, PREVIEW));
        return b.length + "B:" + hex + (b.length > PREVIEW ? "…" : "");
    }

    static void checkU32(long v, String what) {
        if ((v & ~Tsn.MASK) != 0) {
            throw new IllegalArgumentException(what + " " + v + " out of 32-bit range");
        }
    }

    static void checkU16(int v, String what) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + v + " out of 16-bit range");
        }
    }
}
