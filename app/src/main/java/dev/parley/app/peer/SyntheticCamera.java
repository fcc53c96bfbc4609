package dev.parley.app.peer;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;

/**
 * The headless peer's camera: core-rtc's {@link TestPattern} (frame number and capture time in
 * its pixels, so a receiver can check what arrives) at a fixed size and rate — and the size and
 * rate a file camera ({@link PeerOptions#cameraFile()}) is sent at.
 *
 * @param width at least {@value TestPattern#MIN_WIDTH}
 * @param height at least {@value TestPattern#MIN_HEIGHT}
 * @param framesPerSecond above 0, at most {@value PacedVideoSource#MAX_FRAME_RATE}
 */
public record SyntheticCamera(int width, int height, double framesPerSecond) {
    /** 1280x720 at 30 fps: what a laptop camera sends in a call. */
    public static final SyntheticCamera HD = new SyntheticCamera(1280, 720, 30);

    public SyntheticCamera {
        if (width < TestPattern.MIN_WIDTH || height < TestPattern.MIN_HEIGHT || width > VideoFrame.MAX_DIMENSION
                || height > VideoFrame.MAX_DIMENSION) {
            throw new IllegalArgumentException("camera size: " + TestPattern.MIN_WIDTH + "x" + TestPattern.MIN_HEIGHT
                    + " or larger, got " + width + "x" + height);
        }
        if (!(framesPerSecond > 0 && framesPerSecond <= PacedVideoSource.MAX_FRAME_RATE)) {
            throw new IllegalArgumentException("camera rate: above 0 and at most " + PacedVideoSource.MAX_FRAME_RATE
                    + " fps, got " + framesPerSecond);
        }
    }
}
