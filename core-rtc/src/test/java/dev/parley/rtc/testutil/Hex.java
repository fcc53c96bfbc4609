package dev.parley.rtc.testutil;

import java.util.HexFormat;

/** Hex fixtures for tests: whitespace (and newlines) in the text are ignored. */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static String string(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
