package dev.parley.rtc.codec;

import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacpp.BytePointer;

/**
 * Small helpers around FFmpeg's C API; only used after {@link FfmpegNatives#require} succeeded.
 * Public for media-capture's FFmpeg inputs (cameras, files), which share them.
 */
public final class Ffmpeg {
    /** {@code AV_FRAME_FLAG_CORRUPT} (libavutil/frame.h), a macro the Java bindings do not carry. */
    static final int FRAME_FLAG_CORRUPT = 1;

    private Ffmpeg() {}

    /** FFmpeg's text for an {@code AVERROR} code. */
    public static String describe(int error) {
        byte[] text = new byte[128];
        if (av_strerror(error, text, text.length) < 0) {
            return "error " + error;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.US_ASCII) + " (" + error + ")";
    }

    /** Sets a codec-private option ({@code -deadline realtime}); a missing option is a programming error. */
    static void setOption(AVCodecContext context, String name, String value) {
        int result = av_opt_set(context.priv_data(), name, value, 0);
        if (result < 0) {
            throw new IllegalStateException("FFmpeg option " + name + "=" + value + ": " + describe(result));
        }
    }

    /** A plane of {@code rows} rows of {@code rowBytes} at {@code stride}, tightly packed (stride = width). */
    public static byte[] packedPlane(BytePointer data, int stride, int rowBytes, int rows) {
        byte[] out = new byte[rowBytes * rows];
        ByteBuffer from = view(data, (long) stride * (rows - 1) + rowBytes);
        for (int row = 0; row < rows; row++) {
            from.position(row * stride);
            from.get(out, row * rowBytes, rowBytes);
        }
        return out;
    }

    /** A view of {@code length} native bytes at {@code pointer}, for bulk copies. */
    static ByteBuffer view(BytePointer pointer, long length) {
        return pointer.capacity(length).limit(length).asByteBuffer();
    }
}
