package dev.parley.rtc.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
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
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video encoder through FFmpeg's send-frame/receive-packet API, one picture in and (with no
 * look-ahead) one frame out. What differs between codecs — the FFmpeg encoder and its options —
 * is a {@link Tuning}. The native context is made at the first picture's size and made again
 * when the size changes; {@link #close()} frees it, the picture and the packet. Every call into
 * FFmpeg here is synchronous (one thread, no look-ahead), so none can block waiting for input.
 */
final class FfmpegVideoEncoder implements VideoEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegVideoEncoder.class);

    /** What one codec sets on a context before it opens, and how it takes a new bitrate. */
    interface Tuning {
        /** Options for a context of this size, bitrate and frame rate (not yet open). */
        void configure(AVCodecContext context, int bitrate, double frameRate);

        /**
         * Applies a new bitrate to an open context where the codec picks changes up while it runs;
         * false if it does not, and the encoder must be opened again.
         */
        boolean retarget(AVCodecContext context, int bitrate);
    }

    private final String name;
    private final String ffmpegEncoder;
    private final Tuning tuning;
    private int bitrate;
    private double frameRate;
    private boolean keyFrameRequested = true;
    private boolean bitrateChanged;
    private boolean closed;

    private AVCodecContext context;
    private AVFrame picture;
    private AVPacket packet;
    private int width;
    private int height;
    private long lastPts = Long.MIN_VALUE;
    private long lastTimestamp;

    FfmpegVideoEncoder(String name, String ffmpegEncoder, Tuning tuning, VideoEncoderConfig config) {
        this.name = name;
        this.ffmpegEncoder = ffmpegEncoder;
        this.tuning = tuning;
        this.bitrate = config.targetBitrate();
        this.frameRate = config.frameRate();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<EncodedVideoFrame> encode(VideoFrame frame) throws VideoEncodeException {
        if (closed) {
            throw new IllegalStateException(name + " encoder is closed");
        }
        if (context == null || frame.width() != width || frame.height() != height) {
            open(frame.width(), frame.height());
        } else if (bitrateChanged && !tuning.retarget(context, bitrate)) {
            open(width, height);
        }
        bitrateChanged = false;
        check(av_frame_make_writable(picture), "make the picture writable");
        copyPlane(frame.dataY(), frame.strideY(), picture.data(0), picture.linesize(0), width, height);
        copyPlane(frame.dataU(), frame.strideU(), picture.data(1), picture.linesize(1),
                frame.chromaWidth(), frame.chromaHeight());
        copyPlane(frame.dataV(), frame.strideV(), picture.data(2), picture.linesize(2),
                frame.chromaWidth(), frame.chromaHeight());
        long timestamp = EncodedVideoFrame.timestampOf(frame.captureTimeNanos());
        // The rate control shares the bitrate out by the time between pictures (libvpx measures it
        // from the previous picture's end). The encoder's clock therefore advances by the capture
        // interval but never more than one source frame interval: pictures a frame dropper skipped
        // must not become budget for the next one (bigger frames, more skipping — a spiral). The
        // RTP timestamp still follows the capture time.
        long nominal = Math.round(EncodedVideoFrame.CLOCK_RATE / frameRate);
        long pts = lastPts == Long.MIN_VALUE ? 0
                : lastPts + Math.max(1, Math.min(timestamp - lastTimestamp, nominal));
        long duration = nominal;
        lastPts = pts;
        lastTimestamp = timestamp;
        picture.pts(pts).duration(duration);
        picture.pict_type(keyFrameRequested ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        keyFrameRequested = false;
        check(avcodec_send_frame(context, picture), "take a picture");
        return receive(timestamp, frame.captureTimeNanos());
    }

    private Optional<EncodedVideoFrame> receive(long timestamp, long captureTimeNanos) throws VideoEncodeException {
        EncodedVideoFrame out = null;
        while (true) {
            int result = avcodec_receive_packet(context, packet);
            if (result == AVERROR_EAGAIN()) {
                return Optional.ofNullable(out);
            }
            check(result, "produce a frame");
            try {
                if (out == null) {
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                    out = data.length == 0 ? null
                            : new EncodedVideoFrame(data, key, timestamp, width, height, captureTimeNanos);
                } else { // with no look-ahead there is one frame per picture; anything more is a bug to see
                    LOG.warn("{} encoder produced a second frame for one picture; dropped", name);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void requestKeyFrame() {
        keyFrameRequested = true;
    }

    @Override
    public void setTargetBitrate(int bitsPerSecond) {
        if (bitsPerSecond < 1) {
            throw new IllegalArgumentException("bitrate must be positive, got " + bitsPerSecond);
        }
        if (bitsPerSecond != bitrate) {
            bitrate = bitsPerSecond;
            bitrateChanged = true;
        }
    }

    @Override
    public void setFrameRate(double framesPerSecond) {
        if (!(framesPerSecond > 0 && framesPerSecond <= 240)) {
            throw new IllegalArgumentException("frame rate must be in (0, 240], got " + framesPerSecond);
        }
        frameRate = framesPerSecond; // the nominal rate of the next context; frame durations follow the pts
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            freeNative();
        }
    }

    private void open(int newWidth, int newHeight) throws VideoEncodeException {
        freeNative();
        AVCodec codec = avcodec_find_encoder_by_name(ffmpegEncoder);
        if (codec == null || codec.isNull()) {
            throw new VideoEncodeException("this FFmpeg has no " + ffmpegEncoder + " encoder");
        }
        context = avcodec_alloc_context3(codec);
        packet = av_packet_alloc();
        picture = av_frame_alloc();
        if (context == null || packet == null || picture == null) {
            freeNative();
            throw new VideoEncodeException("out of native memory for the " + name + " encoder");
        }
        context.width(newWidth).height(newHeight).pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(av_make_q(1, EncodedVideoFrame.CLOCK_RATE));
        context.framerate(av_make_q((int) Math.round(frameRate * 1000), 1000));
        context.thread_count(1);
        tuning.configure(context, bitrate, frameRate);
        check(avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null), "open");
        picture.format(AV_PIX_FMT_YUV420P).width(newWidth).height(newHeight);
        check(av_frame_get_buffer(picture, 0), "allocate a picture");
        width = newWidth;
        height = newHeight;
        LOG.debug("{} encoder opened at {}x{}, {} bit/s", name, newWidth, newHeight, bitrate);
        keyFrameRequested = true;
        lastPts = Long.MIN_VALUE;
    }

    private void freeNative() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
    }

    private void check(int result, String what) throws VideoEncodeException {
        if (result < 0) {
            throw new VideoEncodeException(name + " encoder (" + ffmpegEncoder + ") could not " + what + ": "
                    + Ffmpeg.describe(result));
        }
    }

    private static void copyPlane(ByteBuffer source, int sourceStride, BytePointer target, int targetStride,
            int rowBytes, int rows) {
        ByteBuffer to = Ffmpeg.view(target, (long) targetStride * rows);
        for (int row = 0; row < rows; row++) {
            source.limit(row * sourceStride + rowBytes).position(row * sourceStride);
            to.position(row * targetStride);
            to.put(source);
        }
    }
}
