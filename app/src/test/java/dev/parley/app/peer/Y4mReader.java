package dev.parley.app.peer;

import dev.parley.rtc.VideoFrame;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads back what {@link Y4mRecorder} writes: a YUV4MPEG2 file of I420 frames, all one size. */
public final class Y4mReader {
    private Y4mReader() {}

    /** Every frame of {@code file}, in order. */
    public static List<VideoFrame> frames(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            String header = line(in);
            if (!header.startsWith("YUV4MPEG2 ")) {
                throw new IOException("not a Y4M file: " + header);
            }
            int width = 0;
            int height = 0;
            for (String field : header.split(" ")) {
                if (field.startsWith("W")) {
                    width = Integer.parseInt(field.substring(1));
                } else if (field.startsWith("H")) {
                    height = Integer.parseInt(field.substring(1));
                } else if (field.startsWith("C") && !field.startsWith("C420")) {
                    throw new IOException("not 4:2:0: " + field);
                }
            }
            int chromaWidth = VideoFrame.chromaSize(width);
            int chromaHeight = VideoFrame.chromaSize(height);
            List<VideoFrame> frames = new ArrayList<>();
            while (true) {
                String frameHeader;
                try {
                    frameHeader = line(in);
                } catch (EOFException end) {
                    return frames;
                }
                if (!frameHeader.startsWith("FRAME")) {
                    throw new IOException("frame " + frames.size() + ": expected FRAME, got " + frameHeader);
                }
                byte[] y = new byte[width * height];
                byte[] u = new byte[chromaWidth * chromaHeight];
                byte[] v = new byte[chromaWidth * chromaHeight];
                in.readFully(y);
                in.readFully(u);
                in.readFully(v);
                frames.add(new VideoFrame(width, height, y, width, u, chromaWidth, v, chromaWidth, 0, 0));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException();
            }
            if (line.length() > 256) {
                throw new IOException("header line too long");
            }
            line.append((char) b);
        }
        return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII);
    }
}
