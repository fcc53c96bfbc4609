package dev.parley.rtc.rtp;

import dev.parley.rtc.testutil.Hex;

/** Commented hex fixtures: on each line, the hex byte groups up to the first word that is not hex. */
final class Fixture {
    private Fixture() {}

    static byte[] hex(String fixture) {
        StringBuilder sb = new StringBuilder();
        for (String line : fixture.split("\n")) {
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
