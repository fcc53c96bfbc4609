package dev.parley.media;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.codec.Vp8Codec;
import dev.parley.rtc.media.TestPattern;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * core-rtc's {@link TestPattern} as a compressed video file — VP8 (core-rtc's encoder, through
 * FFmpeg's libvpx) in an IVF container, the simplest file FFmpeg reads VP8 from — so the file
 * camera is tried on what people play: a file it must demultiplex, decode and seek back in to
 * loop. Public for the capture benchmark.
 */
public final class Vp8IvfPattern {
    private static final int FILE_HEADER_BYTES = 32;
    private static final int FRAME_HEADER_BYTES = 12;

    private Vp8IvfPattern() {}

    /**
     * Frames 0..{@code frames}-1 of a {@code width}x{@code height} pattern at {@code fps},
     * encoded at {@code bitrate} bits per second (a picture the encoder skips leaves a gap in the
     * timestamps, as in a real recording).
     */
    public static Path write(Path file, int width, int height, int frames, int fps, int bitrate) throws Exception {
        TestPattern pattern = new TestPattern(width, height);
        long frameNanos = 1_000_000_000L / fps;
        try (VideoEncoder encoder = Vp8Codec.create(FfmpegNatives.javacpp())
                .createEncoder(new VideoEncoderConfig(bitrate, fps));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(header(width, height, fps, frames));
            for (int n = 0; n < frames; n++) {
                Optional<EncodedVideoFrame> encoded = encoder.encode(pattern.frame(n, n * frameNanos));
                if (encoded.isPresent()) {
                    byte[] data = encoded.get().data();
                    out.write(ByteBuffer.allocate(FRAME_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                            .putInt(data.length).putLong(n).array());
                    out.write(data);
                }
            }
        }
        return file;
    }

    /** The IVF file header: "DKIF", version 0, its own length, the codec, size, time base 1/fps, frame count. */
    private static byte[] header(int width, int height, int fps, int frames) {
        return ByteBuffer.allocate(FILE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'D').put((byte) 'K').put((byte) 'I').put((byte) 'F')
                .putShort((short) 0).putShort((short) FILE_HEADER_BYTES)
                .put((byte) 'V').put((byte) 'P').put((byte) '8').put((byte) '0')
                .putShort((short) width).putShort((short) height)
                .putInt(fps).putInt(1).putInt(frames).putInt(0).array();
    }
}
