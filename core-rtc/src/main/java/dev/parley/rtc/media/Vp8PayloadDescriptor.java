package dev.parley.rtc.media;

/**
 * The VP8 payload descriptor at the start of every VP8 RTP payload (RFC 7741 §4.2), immutable.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID | (REQUIRED)
 *      +-+-+-+-+-+-+-+-+
 * X:   |I|L|T|K| RSV   | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| PictureID   | (OPTIONAL, 7 bits, or 15 with M set)
 *      +-+-+-+-+-+-+-+-+
 * L:   |   TL0PICIDX   | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param nonReference N: the frame can be discarded without hurting others
 * @param start S: the payload starts a VP8 partition
 * @param partitionIndex PID, 0..7
 * @param pictureId the picture ID, or -1 when absent
 * @param longPictureId whether the picture ID takes 15 bits (M set)
 * @param tl0PicIdx TL0PICIDX, or -1 when absent
 * @param temporalLayer TID, or -1 when absent (neither T nor K set)
 * @param layerSync Y
 * @param keyIndex KEYIDX, or -1 when K is clear
 * @param length bytes the descriptor takes (the VP8 data follows)
 */
public record Vp8PayloadDescriptor(boolean nonReference, boolean start, int partitionIndex, int pictureId,
        boolean longPictureId, int tl0PicIdx, int temporalLayer, boolean layerSync, int keyIndex, int length) {

    /**
     * Parses the descriptor at the start of {@code payload}.
     *
     * @throws PayloadParseException if it is cut short, or no VP8 data follows it
     */
    public static Vp8PayloadDescriptor parse(byte[] payload, int offset, int end) throws PayloadParseException {
        int at = offset;
        int b0 = byteAt(payload, at++, end, "VP8 payload descriptor");
        boolean extended = (b0 & 0x80) != 0;
        int pictureId = -1;
        boolean longId = false;
        int tl0 = -1;
        int tid = -1;
        boolean sync = false;
        int keyIdx = -1;
        if (extended) {
            int x = byteAt(payload, at++, end, "VP8 extension byte (X set)");
            if ((x & 0x80) != 0) { // I
                int m = byteAt(payload, at++, end, "VP8 picture ID (I set)");
                if ((m & 0x80) != 0) {
                    longId = true;
                    pictureId = (m & 0x7F) << 8 | byteAt(payload, at++, end, "VP8 15-bit picture ID");
                } else {
                    pictureId = m;
                }
            }
            if ((x & 0x40) != 0) { // L
                tl0 = byteAt(payload, at++, end, "VP8 TL0PICIDX (L set)");
            }
            if ((x & 0x30) != 0) { // T or K
                int tk = byteAt(payload, at++, end, "VP8 TID/KEYIDX (T or K set)");
                if ((x & 0x20) != 0) {
                    tid = tk >>> 6;
                    sync = (tk & 0x20) != 0;
                }
                if ((x & 0x10) != 0) {
                    keyIdx = tk & 0x1F;
                }
            }
        }
        if (at >= end) {
            throw new PayloadParseException("VP8 payload: no data after the " + (at - offset) + "-byte descriptor");
        }
        return new Vp8PayloadDescriptor((b0 & 0x20) != 0, (b0 & 0x10) != 0, b0 & 0x07, pictureId, longId, tl0, tid,
                sync, keyIdx, at - offset);
    }

    /** The first packet of a frame: S set, partition 0 (RFC 7741 §4.2). */
    public boolean startsFrame() {
        return start && partitionIndex == 0;
    }

    /** The descriptor Parley writes: X and I set, a 15-bit picture ID; 4 bytes. */
    static void write(byte[] out, boolean start, int pictureId) {
        out[0] = (byte) (0x80 | (start ? 0x10 : 0)); // X, S; N clear, PID 0
        out[1] = (byte) 0x80; // I
        out[2] = (byte) (0x80 | (pictureId >>> 8 & 0x7F)); // M: 15-bit picture ID
        out[3] = (byte) pictureId;
    }

    /** Bytes {@link #write} takes. */
    static final int WRITTEN_LENGTH = 4;

    private static int byteAt(byte[] payload, int at, int end, String what) throws PayloadParseException {
        if (at >= end) {
            throw new PayloadParseException(what + ": payload ends at byte " + at);
        }
        return payload[at] & 0xFF;
    }
}
