package dev.parley.rtc.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import dev.parley.rtc.VideoFrame;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A video decoder through FFmpeg's send-packet/receive-frame API, single-threaded and low-delay so
 * that each whole frame in gives its picture out at once. Pictures FFmpeg marks corrupt (it
 * concealed a missing reference or damaged slices) are reported as {@link VideoDecodeException},
 * so the receiver asks for a key frame instead of showing garbage. {@link #close()} frees the
 * native context, packet and frame.
 */
final class FfmpegVideoDecoder implements VideoDecoder {
    private final String name;
    private final String ffmpegDecoder;
    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame picture;

    FfmpegVideoDecoder(String name, String ffmpegDecoder) throws CodecUnavailableException {
        this.name = name;
        this.ffmpegDecoder = ffmpegDecoder;
        AVCodec codec = avcodec_find_decoder_by_name(ffmpegDecoder);
        if (codec == null || codec.isNull()) {
            throw new CodecUnavailableException(name, "FFmpeg", "has no " + ffmpegDecoder + " decoder", null);
        }
        context = avcodec_alloc_context3(codec);
        packet = av_packet_alloc();
        picture = av_frame_alloc();
        if (context == null || packet == null || picture == null) {
            close();
            throw new CodecUnavailableException(name, "FFmpeg", "could not allocate a decoder", null);
        }
        context.thread_count(1);
        context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
        int result = avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (result < 0) {
            close();
            throw new CodecUnavailableException(name, "FFmpeg " + ffmpegDecoder, "did not open: "
                    + Ffmpeg.describe(result), null);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<VideoFrame> decode(byte[] data, long captureTimeNanos) throws VideoDecodeException {
        if (context == null) {
            throw new IllegalStateException(name + " decoder is closed");
        }
        if (data.length == 0) {
            throw new VideoDecodeException(name + ": empty frame");
        }
        if (av_new_packet(packet, data.length) < 0) {
            throw new VideoDecodeException(name + ": out of native memory for a " + data.length + "-byte frame");
        }
        try {
            packet.data().put(data);
            int sent = avcodec_send_packet(context, packet);
            if (sent < 0) {
                throw new VideoDecodeException(name + " decoder refused the frame: " + Ffmpeg.describe(sent));
            }
        } finally {
            av_packet_unref(packet);
        }
        VideoFrame out = null;
        VideoDecodeException corrupt = null;
        while (true) {
            int result = avcodec_receive_frame(context, picture);
            if (result == AVERROR_EAGAIN()) {
                break;
            }
            if (result < 0) {
                throw new VideoDecodeException(name + " decoder failed: " + Ffmpeg.describe(result));
            }
            try {
                if ((picture.flags() & Ffmpeg.FRAME_FLAG_CORRUPT) != 0 || picture.decode_error_flags() != 0) {
                    corrupt = new VideoDecodeException(name + ": the picture is corrupt (missing reference or"
                            + " damaged data, decode_error_flags " + picture.decode_error_flags() + ")");
                } else {
                    out = copy(picture, captureTimeNanos);
                }
            } finally {
                av_frame_unref(picture);
            }
        }
        if (out == null && corrupt != null) {
            throw corrupt;
        }
        return Optional.ofNullable(out);
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
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
    }

    private VideoFrame copy(AVFrame frame, long captureTimeNanos) throws VideoDecodeException {
        int format = frame.format();
        if (format != AV_PIX_FMT_YUV420P && format != AV_PIX_FMT_YUVJ420P) {
            throw new VideoDecodeException(name + ": decoder produced pixel format " + format + ", not I420");
        }
        int width = frame.width();
        int height = frame.height();
        if (width < 1 || height < 1 || width > VideoFrame.MAX_DIMENSION || height > VideoFrame.MAX_DIMENSION) {
            throw new VideoDecodeException(name + ": picture size " + width + "x" + height + " out of range");
        }
        int chromaWidth = VideoFrame.chromaSize(width);
        int chromaHeight = VideoFrame.chromaSize(height);
        byte[] y = Ffmpeg.packedPlane(frame.data(0), frame.linesize(0), width, height);
        byte[] u = Ffmpeg.packedPlane(frame.data(1), frame.linesize(1), chromaWidth, chromaHeight);
        byte[] v = Ffmpeg.packedPlane(frame.data(2), frame.linesize(2), chromaWidth, chromaHeight);
        return new VideoFrame(width, height, y, width, u, chromaWidth, v, chromaWidth, 0, captureTimeNanos);
    }
}
