package dev.parley.media;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * core-rtc's {@link TestPattern} as a YUV4MPEG2 file for the file camera. core-rtc's bench has
 * the same writer (bench/Y4mFile), but its test classes are not on this module's test path.
 */
final class Y4mPattern {
    private Y4mPattern() {}

    /** Frames 0..{@code frames}-1 of a {@code width}x{@code height} pattern at {@code fps}. */
    static Path write(Path file, int width, int height, int frames, int fps) throws IOException {
        TestPattern pattern = new TestPattern(width, height);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int n = 0; n < frames; n++) {
                VideoFrame f = pattern.frame(n, n);
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                plane(out, f.dataY(), f.strideY(), width, height);
                plane(out, f.dataU(), f.strideU(), f.chromaWidth(), f.chromaHeight());
                plane(out, f.dataV(), f.strideV(), f.chromaWidth(), f.chromaHeight());
            }
        }
        return file;
    }

    private static void plane(OutputStream out, ByteBuffer data, int stride, int width, int height) throws IOException {
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            data.get(y * stride, row);
            out.write(row);
        }
    }
}
