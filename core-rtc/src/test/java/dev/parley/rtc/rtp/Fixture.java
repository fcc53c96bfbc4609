package dev.parley.rtc.rtp;

import dev.parley.rtc.testutil.Hex;

/** Commented hex fixtures: on each line, the hex byte groups up to the first word that is not hex. */
final class Fixture {
    private Fixture() {}

    /** The fixtures' bytes, one after the other (for compound packets). */
    static byte[] hex(String... fixtures) {
        StringBuilder sb = new StringBuilder();
        for (String line : String.join("\n", fixtures).split("\n")) {
            for (String token : line.trim().split("\\s+")) {
                if (!token.matches("([0-9a-fA-F]{2})+")) {
                    break;
                }
                sb.append(token);
            }
        }
        return Hex.bytes(sb.toString());
    }
}
