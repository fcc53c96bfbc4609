package dev.parley.rtc.codec;

/**
 * How a video encoder starts; both values can change later through the encoder.
 *
 * @param targetBitrate bits per second
 * @param frameRate frames per second the source delivers
 */
public record VideoEncoderConfig(int targetBitrate, double frameRate) {
    public VideoEncoderConfig {
        if (targetBitrate < 1) {
            throw new IllegalArgumentException("targetBitrate must be positive, got " + targetBitrate);
        }
        if (!(frameRate > 0 && frameRate <= 240)) {
            throw new IllegalArgumentException("frameRate must be in (0, 240], got " + frameRate);
        }
    }
}
