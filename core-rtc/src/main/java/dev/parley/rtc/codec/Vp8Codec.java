package dev.parley.rtc.codec;

import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

/**
 * VP8 (RFC 6386) through FFmpeg's libvpx encoder and FFmpeg's own vp8 decoder, tuned for calls as
 * WebRTC does: realtime deadline at cpu-used 8, no look-ahead (lag-in-frames 0), error resilient
 * (a lost frame does not corrupt the probability contexts of those after it), key frames only on
 * demand, quantizer up to 63 (with a lower qmax libvpx can not get down to the target and
 * overshoots), and constant-bitrate rate control with a one-second buffer.
 */
public final class Vp8Codec extends FfmpegVideoCodec {
    /** Payload type offered by default (Chromium's number for VP8); RTX takes the next. */
    public static final int PAYLOAD_TYPE = 96;
    /** Key frames only when asked (PLI/FIR, a new receiver); this just bounds libvpx's own. */
    private static final int KEY_FRAME_INTERVAL = 3000;

    private Vp8Codec(FfmpegNatives natives) {
        super(natives, "VP8", "libvpx", "vp8", PAYLOAD_TYPE, Map.of());
    }

    public static Vp8Codec create(FfmpegNatives natives) {
        return new Vp8Codec(natives);
    }

    @Override
    FfmpegVideoEncoder.Tuning tuning() {
        return new Tuning();
    }

    private static final class Tuning implements FfmpegVideoEncoder.Tuning {
        @Override
        public void configure(AVCodecContext context, int bitrate, double frameRate) {
            rates(context, bitrate);
            context.gop_size(KEY_FRAME_INTERVAL);
            context.qmin(2);
            context.qmax(63);
            Ffmpeg.setOption(context, "deadline", "realtime");
            Ffmpeg.setOption(context, "cpu-used", "8");
            Ffmpeg.setOption(context, "lag-in-frames", "0");
            Ffmpeg.setOption(context, "error-resilient", "default");
            Ffmpeg.setOption(context, "auto-alt-ref", "0");
            Ffmpeg.setOption(context, "static-thresh", "1");
            Ffmpeg.setOption(context, "undershoot-pct", "100");
            Ffmpeg.setOption(context, "overshoot-pct", "15");
            Ffmpeg.setOption(context, "max-intra-rate", "300"); // a key frame at most 3x a delta frame
        }

        @Override
        public boolean retarget(AVCodecContext context, int bitrate) {
            // Measured: this FFmpeg's libvpx wrapper ignores bit_rate changes on an open context
            // (the output stayed at the old rate), so a new bitrate opens the encoder again.
            return false;
        }

        private static void rates(AVCodecContext context, int bitrate) {
            // rc_min_rate == rc_max_rate == bit_rate selects libvpx's CBR mode; the buffer is one
            // second of data (libvpxenc converts it to milliseconds by the bitrate).
            context.bit_rate(bitrate).rc_min_rate(bitrate).rc_max_rate(bitrate).rc_buffer_size(bitrate);
        }
    }
}
