package dev.parley.rtc.media;

/**
 * The coordination-of-video-orientation header extension (3GPP TS 26.114 §7.4.5, WebRTC's
 * {@code urn:3gpp:video-orientation}): one byte {@code 0000 C F R1 R0}, where R is the clockwise
 * turn in quarter turns that shows the picture upright. A camera that knows it is held sideways
 * sends its pictures as they are and this byte with them; the receiver turns them on render. The
 * camera and flip bits (C, F) are sent as 0 and ignored on receipt.
 */
public final class VideoOrientation {
    private VideoOrientation() {}

    /** The byte for a rotation of 0, 90, 180 or 270 degrees clockwise. */
    public static byte encode(int rotationDegrees) {
        if (rotationDegrees % 90 != 0 || rotationDegrees < 0 || rotationDegrees > 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotationDegrees);
        }
        return (byte) (rotationDegrees / 90);
    }

    /** The clockwise rotation in degrees a received byte asks for. */
    public static int rotationOf(byte value) {
        return (value & 0x03) * 90;
    }
}
