package dev.parley.rtc.rtp;

import java.util.HexFormat;

/** Formatting helpers shared by the packet {@code toString()}s. */
final class RtpText {
    private RtpText() {}

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
