package dev.parley.rtc.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_JP_DUALMONO;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_new_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import dev.parley.rtc.AudioFrame;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Opus through FFmpeg's libopus decoder, to mono at 48 kHz (any Opus stream, mono or stereo, can
 * be decoded to mono: RFC 7587 §3.4).
 *
 * <p>Loss: {@code decode(null, …)} and {@link #conceal} run libopus's packet loss concealment,
 * which extrapolates the last decoded audio. FFmpeg passes libopus no lost packet of its own, so
 * the concealment is reached with a packet without data that carries a (meaningless to Opus) side
 * data element: FFmpeg treats a packet without data as the end of the stream only when it also
 * has no side data, and its libopus wrapper hands the empty packet to {@code opus_decode}, whose
 * answer to "no data" is concealment (of up to 120 ms, of which the requested length is kept).
 * In-band FEC can not be reached the same way: FFmpeg's wrapper always decodes with
 * {@code decode_fec = 0}, so {@link #decodeFec} conceals instead and {@link #decodesFec} says so
 * (documented limitation; the encoder still sends FEC, which browsers use).
 */
public final class OpusDecoder implements AudioDecoder, AutoCloseable {
    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame frame;

    OpusDecoder() throws CodecUnavailableException {
        AVCodec codec = avcodec_find_decoder_by_name("libopus");
        if (codec == null || codec.isNull()) {
            throw new CodecUnavailableException("opus", "FFmpeg", "was built without the libopus decoder", null);
        }
        context = avcodec_alloc_context3(codec);
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (context == null || packet == null || frame == null) {
            close();
            throw new CodecUnavailableException("opus", "FFmpeg", "could not allocate a decoder", null);
        }
        context.sample_rate(OpusCodec.CLOCK_RATE).request_sample_fmt(AV_SAMPLE_FMT_S16);
        av_channel_layout_default(context.ch_layout(), 1);
        int opened = avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (opened < 0) {
            close();
            throw new CodecUnavailableException("opus", "FFmpeg libopus", "did not open: " + Ffmpeg.describe(opened), null);
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
        return 1;
    }

    /** A {@code null} payload conceals one lost 20 ms packet. */
    @Override
    public AudioFrame decode(byte[] payload, int offset, int length, long receiveTimeNanos) throws AudioDecodeException {
        if (payload == null) {
            return conceal(OpusCodec.FRAME_SAMPLES, receiveTimeNanos);
        }
        if (offset < 0 || length < 0 || offset > payload.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + payload.length);
        }
        if (length == 0) {
            throw new AudioDecodeException("an Opus packet has at least one byte (RFC 6716 §3.1)");
        }
        ensureOpen();
        if (av_new_packet(packet, length) < 0) {
            throw new AudioDecodeException("out of native memory for a " + length + "-byte packet");
        }
        packet.data().put(payload, offset, length);
        short[] samples = run("decode");
        return new AudioFrame(samples, OpusCodec.CLOCK_RATE, 1, receiveTimeNanos);
    }

    @Override
    public AudioFrame conceal(int samplesPerChannel, long receiveTimeNanos) {
        if (samplesPerChannel < 0) {
            throw new IllegalArgumentException("samplesPerChannel must not be negative, got " + samplesPerChannel);
        }
        ensureOpen();
        short[] samples;
        try {
            if (av_packet_new_side_data(packet, AV_PKT_DATA_JP_DUALMONO, 1) == null) {
                throw new AudioDecodeException("out of native memory");
            }
            samples = run("conceal");
        } catch (AudioDecodeException e) { // concealment of nothing can not be malformed; fall back to silence
            samples = new short[0];
        }
        return new AudioFrame(Arrays.copyOf(samples, samplesPerChannel), OpusCodec.CLOCK_RATE, 1, receiveTimeNanos);
    }

    private void ensureOpen() {
        if (context == null) {
            throw new IllegalStateException("Opus decoder is closed");
        }
    }

    /** Sends the prepared packet (and unrefs it) and collects the samples of every frame it gave. */
    private short[] run(String what) throws AudioDecodeException {
        try {
            int sent = avcodec_send_packet(context, packet);
            if (sent < 0) {
                throw new AudioDecodeException("Opus decoder could not " + what + ": " + Ffmpeg.describe(sent));
            }
        } finally {
            av_packet_unref(packet);
        }
        short[] out = new short[0];
        while (true) {
            int result = avcodec_receive_frame(context, frame);
            if (result == AVERROR_EAGAIN()) {
                return out;
            }
            if (result < 0) {
                throw new AudioDecodeException("Opus decoder could not " + what + ": " + Ffmpeg.describe(result));
            }
            try {
                int count = frame.nb_samples() * frame.ch_layout().nb_channels();
                short[] samples = new short[count];
                Ffmpeg.view(frame.data(0), 2L * count).order(ByteOrder.nativeOrder()).asShortBuffer().get(samples);
                int channels = frame.ch_layout().nb_channels();
                short[] mono = channels == 1 ? samples : downmix(samples, channels);
                short[] joined = Arrays.copyOf(out, out.length + mono.length);
                System.arraycopy(mono, 0, joined, out.length, mono.length);
                out = joined;
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private static short[] downmix(short[] interleaved, int channels) {
        short[] mono = new short[interleaved.length / channels];
        for (int i = 0; i < mono.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            mono[i] = (short) (sum / channels);
        }
        return mono;
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }
}
