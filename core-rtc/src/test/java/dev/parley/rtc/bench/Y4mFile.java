package dev.parley.rtc.bench;

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
 * Our {@link TestPattern} as a YUV4MPEG2 file, for Chromium's
 * {@code --use-file-for-fake-video-capture}: the browser then encodes the same pictures Parley
 * does (it loops the file; Parley draws the pattern live).
 */
final class Y4mFile {
    private Y4mFile() {}

    /** Writes frames 0..{@code frames}-1 of a {@code width}x{@code height} pattern at 30 fps to {@code file}. */
    static Path write(Path file, int width, int height, int frames) throws IOException {
        TestPattern pattern = new TestPattern(width, height);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int n = 0; n < frames; n++) {
                VideoFrame f = pattern.frame(n, n * 33_333_333L);
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
