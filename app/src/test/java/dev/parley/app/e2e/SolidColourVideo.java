package dev.parley.app.e2e;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A short Y4M video of one colour, for the file camera ({@code --camera-file}): a picture no
 * other camera shows, so a screenshot tells which camera the far end sees.
 */
final class SolidColourVideo {
    private SolidColourVideo() {}

    /** {@code frames} frames of {@code width}x{@code height} (even) at 30 fps, 4:2:0, full-range BT.601. */
    static Path write(Path file, Color colour, int width, int height, int frames) throws IOException {
        int r = colour.getRed();
        int g = colour.getGreen();
        int b = colour.getBlue();
        byte y = clip(0.299 * r + 0.587 * g + 0.114 * b);
        byte u = clip(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        byte v = clip(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
        byte[] frame = new byte[width * height * 3 / 2];
        Arrays.fill(frame, 0, width * height, y);
        Arrays.fill(frame, width * height, width * height * 5 / 4, u);
        Arrays.fill(frame, width * height * 5 / 4, frame.length, v);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg XCOLORRANGE=FULL\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < frames; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(frame);
            }
        }
        return file;
    }

    private static byte clip(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
