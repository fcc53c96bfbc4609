package dev.parley.rtc.codec;

import java.util.Arrays;

/**
 * One encoded picture, ready for a packetizer: for VP8 the frame as libvpx wrote it, for H.264 an
 * access unit in Annex B form (NAL units behind start codes). The data array is handed to the
 * caller, who owns it from then on.
 *
 * @param data the encoded bytes
 * @param keyFrame whether a decoder can start here (a VP8 key frame, an H.264 IDR)
 * @param timestamp the RTP media time in 90 kHz units (RFC 3550 §5.1; RFC 7741 §4.1 and RFC 6184
 *     §5.1 fix the clock at 90 kHz), derived from the capture time; the sender adds its random offset
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param captureTimeNanos the source frame's capture time, on the {@link System#nanoTime()} clock
 */
public record EncodedVideoFrame(byte[] data, boolean keyFrame, long timestamp, int width, int height,
        long captureTimeNanos) {
    /** RTP clock rate of every video payload format Parley carries. */
    public static final int CLOCK_RATE = 90_000;

    public EncodedVideoFrame {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("an encoded frame has data");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
    }

    /** The 90 kHz media time of a {@link System#nanoTime()} instant. */
    public static long timestampOf(long captureTimeNanos) {
        return Math.floorDiv(captureTimeNanos, 100_000L) * 9; // 90 000 / 1e9 = 9 / 100 000
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedVideoFrame that && keyFrame == that.keyFrame && timestamp == that.timestamp
                && width == that.width && height == that.height && captureTimeNanos == that.captureTimeNanos
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "EncodedVideoFrame[" + data.length + " bytes, " + (keyFrame ? "key, " : "") + width + "x" + height
                + ", ts " + timestamp + "]";
    }
}
