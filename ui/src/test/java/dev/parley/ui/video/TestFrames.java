package dev.parley.ui.video;

import dev.parley.media.RgbToI420;
import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;
import javafx.scene.paint.Color;

/** I420 frames of plain colour blocks, made through media-capture's RGB converter. */
public final class TestFrames {
    /** Colour of pixel (x, y) of a picture. */
    interface Painter {
        Color at(int x, int y);
    }

    private TestFrames() {}

    static VideoFrame frame(int width, int height, int rotation, long captureTimeNanos, Painter painter) {
        byte[] rgb = new byte[width * height * 3];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color colour = painter.at(x, y);
                rgb[i++] = (byte) Math.round(colour.getRed() * 255);
                rgb[i++] = (byte) Math.round(colour.getGreen() * 255);
                rgb[i++] = (byte) Math.round(colour.getBlue() * 255);
            }
        }
        VideoFrame upright = new RgbToI420(width, height, width, height).convert(rgb, captureTimeNanos);
        if (rotation == 0) {
            return upright;
        }
        return new VideoFrame(width, height, bytes(upright.dataY()), upright.strideY(), bytes(upright.dataU()),
                upright.strideU(), bytes(upright.dataV()), upright.strideV(), rotation, captureTimeNanos);
    }

    /** Left half {@code left}, right half {@code right}. */
    static VideoFrame leftRight(int width, int height, Color left, Color right) {
        return frame(width, height, 0, 0, (x, y) -> x < width / 2 ? left : right);
    }

    public static VideoFrame plain(int width, int height, long captureTimeNanos, Color colour) {
        return frame(width, height, 0, captureTimeNanos, (x, y) -> colour);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
