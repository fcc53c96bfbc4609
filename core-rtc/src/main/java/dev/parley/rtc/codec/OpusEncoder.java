package dev.parley.rtc.codec;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.parley.rtc.AudioFrame;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Opus through FFmpeg's libopus encoder, mono at 48 kHz, one 20 ms packet (RFC 7587 §4.2) for
 * every 20 ms of input. Takes frames of any rate and channel count (downmixed, then resampled
 * with {@link AudioResampler}); a 10 ms frame that does not complete a packet returns an empty
 * payload with 0 timestamp units, as {@link AudioEncoder} allows. Frees its native encoder on
 * {@link #close()}.
 */
public final class OpusEncoder implements AudioEncoder, AutoCloseable {

    /**
     * @param bitrate bits per second (6000..510000)
     * @param expectedLossPercent how much loss the in-band FEC is sized for; 0 turns FEC off in
     *     practice, as libopus adds redundancy only for expected loss
     *
     * <p>No DTX in the encoder: FFmpeg 8.1's libopus wrapper has no option for it (its options:
     * application, frame_duration, packet_loss, fec, vbr, mapping_family, apply_phase_inv). The
     * send pipeline does it instead, from the frames' voice activity
     * ({@link dev.parley.rtc.media.DiscontinuousTransmission}).
     */
    public record Settings(int bitrate, int expectedLossPercent) {
        public static final Settings DEFAULTS = new Settings(32_000, 10);

        public Settings {
            if (bitrate < 6_000 || bitrate > 510_000) {
                throw new IllegalArgumentException("Opus bitrate must be 6000..510000, got " + bitrate);
            }
            if (expectedLossPercent < 0 || expectedLossPercent > 100) {
                throw new IllegalArgumentException("expectedLossPercent must be 0..100, got " + expectedLossPercent);
            }
        }
    }

    private final short[] pending = new short[OpusCodec.FRAME_SAMPLES * 2];
    private int pendingSamples;
    private AudioResampler resampler;
    private AVCodecContext context;
    private AVFrame frame;
    private AVPacket packet;
    private long pts;

    OpusEncoder(Settings settings) throws CodecUnavailableException {
        AVCodec codec = avcodec_find_encoder_by_name("libopus");
        if (codec == null || codec.isNull()) {
            throw new CodecUnavailableException("opus", "FFmpeg", "was built without the libopus encoder", null);
        }
        context = avcodec_alloc_context3(codec);
        frame = av_frame_alloc();
        packet = av_packet_alloc();
        if (context == null || frame == null || packet == null) {
            close();
            throw new CodecUnavailableException("opus", "FFmpeg", "could not allocate an encoder", null);
        }
        context.sample_rate(OpusCodec.CLOCK_RATE).sample_fmt(AV_SAMPLE_FMT_S16).bit_rate(settings.bitrate());
        context.time_base(av_make_q(1, OpusCodec.CLOCK_RATE));
        av_channel_layout_default(context.ch_layout(), 1);
        try {
            Ffmpeg.setOption(context, "application", "voip");
            Ffmpeg.setOption(context, "frame_duration", "20");
            Ffmpeg.setOption(context, "fec", "1");
            Ffmpeg.setOption(context, "packet_loss", Integer.toString(settings.expectedLossPercent()));
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
        int opened = avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (opened < 0) {
            close();
            throw new CodecUnavailableException("opus", "FFmpeg libopus", "did not open: " + Ffmpeg.describe(opened), null);
        }
        frame.nb_samples(OpusCodec.FRAME_SAMPLES).format(AV_SAMPLE_FMT_S16);
        av_channel_layout_default(frame.ch_layout(), 1);
        int buffer = av_frame_get_buffer(frame, 0);
        if (buffer < 0) {
            close();
            throw new CodecUnavailableException("opus", "FFmpeg", "could not allocate a frame: " + Ffmpeg.describe(buffer), null);
        }
    }

    @Override
    public String name() {
        return "opus";
    }

    @Override
    public int clockRate() {
        return OpusCodec.CLOCK_RATE;
    }

    @Override
    public int channels() {
        return 2;
    }

    /**
     * @throws IllegalStateException if libopus failed (it does not on valid input) or the encoder is closed
     * @throws IllegalArgumentException if the frame holds more than 20 ms
     */
    @Override
    public EncodedAudio encode(AudioFrame input) {
        if (context == null) {
            throw new IllegalStateException("Opus encoder is closed");
        }
        short[] mono = toMono48k(input);
        if (mono.length > OpusCodec.FRAME_SAMPLES) {
            throw new IllegalArgumentException("frames of up to 20 ms, got " + input);
        }
        System.arraycopy(mono, 0, pending, pendingSamples, mono.length);
        pendingSamples += mono.length;
        if (pendingSamples < OpusCodec.FRAME_SAMPLES) {
            return new EncodedAudio(new byte[0], 0);
        }
        byte[] payload = encodeFrame();
        pendingSamples -= OpusCodec.FRAME_SAMPLES;
        System.arraycopy(pending, OpusCodec.FRAME_SAMPLES, pending, 0, pendingSamples);
        return new EncodedAudio(payload, OpusCodec.FRAME_SAMPLES);
    }

    private short[] toMono48k(AudioFrame input) {
        short[] mono = ChannelMixer.toMono(input);
        if (input.sampleRate() == OpusCodec.CLOCK_RATE) {
            return mono;
        }
        if (resampler == null || resampler.inputRate() != input.sampleRate()) {
            resampler = new AudioResampler(input.sampleRate(), OpusCodec.CLOCK_RATE, 1);
        }
        return resampler.resample(mono);
    }

    private byte[] encodeFrame() {
        check(av_frame_make_writable(frame), "make the frame writable");
        ShortBuffer samples = Ffmpeg.view(frame.data(0), 2L * OpusCodec.FRAME_SAMPLES)
                .order(ByteOrder.nativeOrder()).asShortBuffer();
        samples.put(pending, 0, OpusCodec.FRAME_SAMPLES);
        frame.pts(pts);
        pts += OpusCodec.FRAME_SAMPLES;
        check(avcodec_send_frame(context, frame), "take a frame");
        byte[] payload = null;
        while (true) {
            int result = avcodec_receive_packet(context, packet);
            if (result == AVERROR_EAGAIN()) {
                break;
            }
            check(result, "produce a packet");
            try {
                if (payload == null) {
                    payload = new byte[packet.size()];
                    packet.data().get(payload);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
        if (payload == null) { // libopus encodes each frame at once; nothing here means it broke its contract
            throw new IllegalStateException("libopus returned no packet for a 20 ms frame");
        }
        return payload;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException("Opus encoder could not " + what + ": " + Ffmpeg.describe(result));
        }
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
    }
}
