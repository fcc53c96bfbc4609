package dev.parley.rtc.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The H.264 {@code profile-level-id} fmtp parameter, RFC 6184 §8.1: three bytes in hex,
 * {@code profile_idc}, {@code profile-iop} (the constraint flags) and {@code level_idc}.
 * Offer/answer (§8.2.2) needs the profile part to match exactly, while the level may differ.
 */
record H264ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {
    static final String PARAMETER = "profile-level-id";
    /** RFC 6184 §8.1: absent means Baseline profile, level 1.0. */
    static final String DEFAULT = "42000a";
    private static final String HEX_DIGITS = "0123456789abcdef";

    /** Parses six hex digits; empty when the value is anything else. */
    static Optional<H264ProfileLevelId> parse(String hex) {
        if (hex.length() != 6) {
            return Optional.empty();
        }
        int[] nibbles = new int[6];
        for (int i = 0; i < 6; i++) {
            nibbles[i] = HEX_DIGITS.indexOf(Character.toLowerCase(hex.charAt(i)));
            if (nibbles[i] < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new H264ProfileLevelId(nibbles[0] << 4 | nibbles[1], nibbles[2] << 4 | nibbles[3],
                nibbles[4] << 4 | nibbles[5]));
    }

    boolean sameProfile(H264ProfileLevelId other) {
        return profileIdc == other.profileIdc && profileIop == other.profileIop;
    }

    /**
     * Orders levels by capability. level_idc is the level times ten, except that 9 means level 1b
     * (ITU-T H.264 Annex A), which lies between 1.0 and 1.1. (Baseline/Main/Extended signal 1b as
     * 11 with constraint_set3; with equal profile-iop both sides read 11 the same way.)
     */
    int levelRank() {
        return levelIdc == 9 ? 21 : levelIdc * 2;
    }

    /** The one of the two whose level is lower (this one on a tie). */
    H264ProfileLevelId lowerLevel(H264ProfileLevelId other) {
        return other.levelRank() < levelRank() ? other : this;
    }

    H264ProfileLevelId withLevel(int newLevelIdc) {
        return new H264ProfileLevelId(profileIdc, profileIop, newLevelIdc);
    }

    /** Lower-case hex, as browsers write it. */
    String toHex() {
        return String.format(Locale.ROOT, "%02x%02x%02x", profileIdc, profileIop, levelIdc);
    }
}
