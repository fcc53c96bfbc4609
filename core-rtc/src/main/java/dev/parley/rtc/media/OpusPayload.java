package dev.parley.rtc.media;

/**
 * What an Opus RTP payload holds, checked against the packet rules of RFC 6716 §3.4 (R1–R7):
 * RFC 7587 §4.2 puts exactly one Opus packet (of one or more frames) in each RTP payload, so the
 * depacketizer's work is to validate it and learn its duration, which the receive side needs for
 * timestamps and concealment. Immutable.
 *
 * @param config the TOC configuration 0..31 (mode, bandwidth and frame size, RFC 6716 §3.1)
 * @param stereo the TOC s bit
 * @param frames how many frames the packet holds (0..48)
 * @param samples its duration in samples at 48 kHz
 */
public record OpusPayload(int config, boolean stereo, int frames, int samples) {
    /** RFC 6716 §3.2.1: no frame is larger. */
    private static final int MAX_FRAME_BYTES = 1275;
    /** RFC 6716 §3.2.5 (R5): a packet lasts at most 120 ms. */
    private static final int MAX_SAMPLES = 5760;

    /**
     * Parses and validates the payload {@code payload[offset, offset + length)}.
     *
     * @throws PayloadParseException if it breaks a rule of RFC 6716 §3.4
     */
    public static OpusPayload parse(byte[] payload, int offset, int length) throws PayloadParseException {
        if (offset < 0 || length < 0 || offset > payload.length - length) {
            throw new PayloadParseException("Opus: range " + offset + "+" + length + " outside a " + payload.length + "-byte array");
        }
        if (length < 1) { // R1
            throw new PayloadParseException("Opus: empty payload (a packet has at least its TOC byte)");
        }
        int toc = payload[offset] & 0xFF;
        int config = toc >>> 3;
        int frameSamples = frameSamples(config);
        int code = toc & 0x03;
        int rest = length - 1;
        int frames;
        switch (code) {
            case 0 -> { // one frame
                checkFrame(rest, "code 0 frame"); // R2
                frames = 1;
            }
            case 1 -> { // two frames of equal size
                if (rest % 2 != 0) { // R3
                    throw new PayloadParseException("Opus code 1: " + rest + " bytes do not split into two equal frames");
                }
                checkFrame(rest / 2, "code 1 frame");
                frames = 2;
            }
            case 2 -> { // two frames, the first's size coded
                int at = offset + 1;
                int end = offset + length;
                int[] size = frameLength(payload, at, end); // R4
                int remaining = end - size[1];
                if (size[0] > remaining) {
                    throw new PayloadParseException("Opus code 2: first frame of " + size[0] + " bytes, " + remaining + " remain");
                }
                checkFrame(size[0], "code 2 first frame");
                checkFrame(remaining - size[0], "code 2 second frame");
                frames = 2;
            }
            default -> frames = code3(payload, offset, length, frameSamples);
        }
        return new OpusPayload(config, (toc & 0x04) != 0, frames, frames * frameSamples);
    }

    /** RFC 6716 §3.2.5: a frame count byte, optional padding, then CBR or VBR frames. */
    private static int code3(byte[] payload, int offset, int length, int frameSamples) throws PayloadParseException {
        int end = offset + length;
        if (length < 2) { // R6
            throw new PayloadParseException("Opus code 3: no frame count byte");
        }
        int countByte = payload[offset + 1] & 0xFF;
        boolean vbr = (countByte & 0x80) != 0;
        boolean padded = (countByte & 0x40) != 0;
        int count = countByte & 0x3F;
        if (count == 0 || count * frameSamples > MAX_SAMPLES) { // R5
            throw new PayloadParseException("Opus code 3: " + count + " frames of " + frameSamples + " samples (1..120 ms allowed)");
        }
        int at = offset + 2;
        int padding = 0;
        if (padded) {
            int b;
            do {
                if (at >= end) {
                    throw new PayloadParseException("Opus code 3: padding length cut short");
                }
                b = payload[at++] & 0xFF;
                padding += b == 255 ? 254 : b;
            } while (b == 255);
        }
        int available = end - at - padding;
        if (available < 0) {
            throw new PayloadParseException("Opus code 3: " + padding + " bytes of padding, more than the packet holds");
        }
        if (!vbr) {
            if (available % count != 0) { // R6
                throw new PayloadParseException("Opus code 3 CBR: " + available + " bytes do not split into " + count + " frames");
            }
            checkFrame(available / count, "code 3 frame");
            return count;
        }
        int total = 0;
        for (int i = 0; i < count - 1; i++) { // R7: M-1 coded lengths, the last frame takes the rest
            int[] size = frameLength(payload, at, end - padding);
            at = size[1];
            checkFrame(size[0], "code 3 frame");
            total += size[0];
        }
        int last = end - padding - at - total;
        if (last < 0) {
            throw new PayloadParseException("Opus code 3 VBR: frame lengths add up to more than the packet holds");
        }
        checkFrame(last, "code 3 last frame");
        return count;
    }

    /**
     * A frame length coded in one or two bytes at {@code at} (RFC 6716 §3.2.1): {size, position
     * after the length}.
     */
    private static int[] frameLength(byte[] payload, int at, int end) throws PayloadParseException {
        if (at >= end) {
            throw new PayloadParseException("Opus: frame length cut short");
        }
        int first = payload[at] & 0xFF;
        if (first < 252) {
            return new int[] {first, at + 1};
        }
        if (at + 1 >= end) {
            throw new PayloadParseException("Opus: two-byte frame length cut short");
        }
        int size = first + 4 * (payload[at + 1] & 0xFF);
        return new int[] {size, at + 2};
    }

    private static void checkFrame(int bytes, String what) throws PayloadParseException {
        if (bytes > MAX_FRAME_BYTES) {
            throw new PayloadParseException("Opus " + what + " of " + bytes + " bytes, more than " + MAX_FRAME_BYTES);
        }
    }

    /** RFC 6716 §3.1 Table 2: the frame size of each configuration, in samples at 48 kHz. */
    static int frameSamples(int config) {
        if (config < 12) { // SILK-only: 10, 20, 40, 60 ms
            return new int[] {480, 960, 1920, 2880}[config % 4];
        }
        if (config < 16) { // hybrid: 10, 20 ms
            return config % 2 == 0 ? 480 : 960;
        }
        return new int[] {120, 240, 480, 960}[config % 4]; // CELT-only: 2.5, 5, 10, 20 ms
    }
}
