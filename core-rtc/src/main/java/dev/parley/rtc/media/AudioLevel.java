package dev.parley.rtc.media;

/**
 * An audio level as the RTP header extensions carry it: {@code level} is -dBov, 0 (the loudest, a
 * full-scale square wave) to 127 (digital silence, or quieter than -127 dBov). RFC 6464
 * (ssrc-audio-level, client to mixer) sends one byte {@code V level}, where V says whether the
 * packet holds voice; RFC 6465 (csrc-audio-level, mixer to client) one byte {@code 0 level} per
 * CSRC, in the order of the CSRC list.
 *
 * <p>The level of audio is its root mean square against full scale, in dB (RFC 6464 §3 and its
 * appendix A): {@code -10 log10(mean of (sample / full scale)²)}, rounded and clamped to 0..127.
 */
public record AudioLevel(int level, boolean voiceActivity) {
    /** RFC 6465 §4: the mixer-to-client extension, which a receiver reads but Parley does not offer. */
    public static final String CSRC_EXTENSION_URI = "urn:ietf:params:rtp-hdrext:csrc-audio-level";
    /** Digital silence (RFC 6464 §3: -127 dBov and below). */
    public static final int SILENCE = 127;

    public AudioLevel {
        if (level < 0 || level > SILENCE) {
            throw new IllegalArgumentException("an audio level is 0..127 (-dBov), got " + level);
        }
    }

    /** The level of audio whose mean square sample, relative to full scale, is {@code meanSquare}. */
    public static int fromMeanSquare(double meanSquare) {
        if (!(meanSquare > 0)) {
            return SILENCE; // also NaN: no samples measured
        }
        long dBov = Math.round(10 * Math.log10(meanSquare));
        return (int) Math.max(0, Math.min(SILENCE, -dBov));
    }

    /**
     * The W3C {@code audioLevel} of this level (webrtc-pc §5.4 RTCRtpContributingSource): linear
     * 0..1, {@code 10^(level / -20)}, with 127 (silence) read as 0.
     */
    public double linear() {
        return linear(level);
    }

    /** {@link #linear()} of a level 0..127. */
    public static double linear(int level) {
        return level >= SILENCE ? 0.0 : Math.pow(10, level / -20.0);
    }

    /** The one-byte value of the RFC 6464 element: {@code V} in the high bit, the level below. */
    public byte[] toSsrcElement() {
        return new byte[] {(byte) ((voiceActivity ? 0x80 : 0) | level)};
    }

    /** Reads an RFC 6464 element value, which is exactly one byte. */
    public static AudioLevel parseSsrcElement(byte[] value) throws PayloadParseException {
        if (value.length != 1) {
            throw new PayloadParseException("ssrc-audio-level is one byte (RFC 6464 §3), got " + value.length);
        }
        return new AudioLevel(value[0] & 0x7F, (value[0] & 0x80) != 0);
    }

    /**
     * Reads an RFC 6465 element value: one level per byte, the i-th for the packet's i-th CSRC. Its
     * first bit is reserved (0) and ignored; so is the voice flag, which RFC 6465 has not.
     */
    public static int[] parseCsrcElement(byte[] value) throws PayloadParseException {
        if (value.length == 0 || value.length > 15) {
            throw new PayloadParseException("csrc-audio-level holds 1..15 levels (RFC 6465 §3), got " + value.length);
        }
        int[] levels = new int[value.length];
        for (int i = 0; i < value.length; i++) {
            levels[i] = value[i] & 0x7F;
        }
        return levels;
    }
}
