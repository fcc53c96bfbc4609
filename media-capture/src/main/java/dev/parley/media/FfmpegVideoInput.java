package dev.parley.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.codec.Ffmpeg;
import java.time.Duration;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One FFmpeg video input (a file, a camera through libavdevice, a lavfi test source): opens it,
 * decodes its best video stream and hands out pictures as I420 {@link VideoFrame}s at the size
 * asked for at each read (swscale). Errors carry the web's names: {@code NotFoundError} (no such file or
 * device), {@code NotReadableError} (unreadable or undecodable), {@code AbortError} (no answer in
 * time).
 *
 * <p>No native call blocks longer than the timeout: FFmpeg polls an interrupt callback in every
 * blocking I/O wait, and ours gives up once the call's deadline has passed or {@link #close()}
 * was asked for — a device that stops answering makes {@link #read} fail, not hang. Callers run
 * it on threads of their own (a camera's capture thread, {@link BoundedCalls} for opening).
 *
 * <p>One reader thread; {@link #close()} may come from any thread and waits for a read in
 * progress, which the callback has told to return.
 */
final class FfmpegVideoInput implements AutoCloseable {
    private final String what;
    private final long timeoutNanos;
    private final InterruptCheck interrupt;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private AVPacket packet;
    private AVFrame picture;
    private AVFrame scaled;
    private SwsContext scaler;
    private final int stream;
    private final int nativeWidth;
    private final int nativeHeight;
    private final double nativeFrameRate;
    private boolean decoderDrained;

    /** FFmpeg's interrupt callback: "give up" once the deadline passed or the input is closing. */
    private static final class InterruptCheck extends AVIOInterruptCB.Callback_Pointer {
        volatile long deadlineNanos = Long.MAX_VALUE;
        volatile boolean closing;
        volatile boolean fired;

        @Override
        public int call(Pointer opaque) {
            if (closing || System.nanoTime() - deadlineNanos > 0) {
                fired = true;
                return 1;
            }
            return 0;
        }
    }

    /**
     * Opens {@code url} with input format {@code inputFormat} (null: probe, as for files) and
     * FFmpeg {@code options} ("video_size", "framerate"…).
     *
     * @throws MediaDeviceException as described above, or {@code NotReadableError} if FFmpeg's
     *     natives do not load
     */
    FfmpegVideoInput(String inputFormat, String url, Map<String, String> options, Duration timeout) {
        FfmpegInputNatives.require(url);
        this.what = (inputFormat == null ? "" : inputFormat + ":") + url;
        this.timeoutNanos = timeout.toNanos();
        this.interrupt = new InterruptCheck();
        try {
            AVInputFormat input = null;
            if (inputFormat != null) {
                input = av_find_input_format(inputFormat);
                if (input == null || input.isNull()) {
                    throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, "FFmpeg has no input format "
                            + inputFormat);
                }
            }
            format = avformat_alloc_context();
            format.interrupt_callback().callback(interrupt);
            AVDictionary dictionary = new AVDictionary(null);
            options.forEach((key, value) -> av_dict_set(dictionary, key, value, 0));
            startCall();
            int opened = avformat_open_input(format, url, input, dictionary);
            av_dict_free(dictionary);
            if (opened < 0) {
                format = null; // FFmpeg freed it
                throw failure("could not open", opened);
            }
            startCall();
            int info = avformat_find_stream_info(format, (AVDictionary) null);
            if (info < 0) {
                throw failure("has no readable streams", info);
            }
            stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (stream < 0) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, what + " has no video stream");
            }
            AVStream video = format.streams(stream);
            AVCodec codec = avcodec_find_decoder(video.codecpar().codec_id());
            if (codec == null || codec.isNull()) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, what
                        + ": FFmpeg has no decoder for its video");
            }
            decoder = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(decoder, video.codecpar());
            int open = avcodec_open2(decoder, codec, (AVDictionary) null);
            if (open < 0) {
                throw failure("decoder did not open", open);
            }
            nativeWidth = decoder.width();
            nativeHeight = decoder.height();
            if (nativeWidth < 1 || nativeHeight < 1 || nativeWidth > VideoFrame.MAX_DIMENSION
                    || nativeHeight > VideoFrame.MAX_DIMENSION) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, what + ": picture size "
                        + nativeWidth + "x" + nativeHeight + " out of range");
            }
            nativeFrameRate = rate(video.avg_frame_rate(), rate(video.r_frame_rate(), 30));
            packet = av_packet_alloc();
            picture = av_frame_alloc();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    int nativeWidth() {
        return nativeWidth;
    }

    int nativeHeight() {
        return nativeHeight;
    }

    /** The stream's average frame rate (30 when it does not say). */
    double nativeFrameRate() {
        return nativeFrameRate;
    }

    /**
     * The next picture at {@code width}x{@code height}, stamped {@code captureTimeNanos}; null at
     * the end of the input.
     *
     * @throws MediaDeviceException {@code NotReadableError} when reading or decoding fails,
     *     {@code AbortError} when the input did not answer within the timeout or was closed
     */
    synchronized VideoFrame read(int width, int height, long captureTimeNanos) {
        if (format == null) {
            throw new MediaDeviceException(MediaDeviceException.ABORT, what + " is closed");
        }
        while (true) {
            int received = avcodec_receive_frame(decoder, picture);
            if (received >= 0) {
                try {
                    return convert(width, height, captureTimeNanos);
                } finally {
                    av_frame_unref(picture);
                }
            }
            if (received == AVERROR_EOF()) {
                return null;
            }
            if (received != AVERROR_EAGAIN()) {
                throw failure("could not be decoded", received);
            }
            if (decoderDrained) {
                return null;
            }
            startCall();
            int result = av_read_frame(format, packet);
            if (result == AVERROR_EOF()) {
                avcodec_send_packet(decoder, null); // drain the pictures the decoder still holds
                decoderDrained = true;
                continue;
            }
            if (result < 0) {
                throw failure("could not be read", result);
            }
            try {
                if (packet.stream_index() == stream) {
                    int sent = avcodec_send_packet(decoder, packet);
                    if (sent < 0 && sent != AVERROR_EAGAIN()) {
                        throw failure("could not be decoded", sent);
                    }
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /** Back to the first picture (for looping a file). */
    synchronized void rewind() {
        if (format == null) {
            throw new MediaDeviceException(MediaDeviceException.ABORT, what + " is closed");
        }
        startCall();
        int result = av_seek_frame(format, stream, Long.MIN_VALUE, AVSEEK_FLAG_BACKWARD);
        if (result < 0) {
            result = av_seek_frame(format, -1, 0, AVSEEK_FLAG_BACKWARD);
        }
        if (result < 0) {
            throw failure("could not be rewound", result);
        }
        avcodec_flush_buffers(decoder);
        decoderDrained = false;
    }

    /** Frees everything; a read in progress on another thread is told to give up first. */
    @Override
    public void close() {
        interrupt.closing = true;
        synchronized (this) {
            if (scaler != null) {
                sws_freeContext(scaler);
                scaler = null;
            }
            if (scaled != null) {
                av_frame_free(scaled);
                scaled = null;
            }
            if (picture != null) {
                av_frame_free(picture);
                picture = null;
            }
            if (packet != null) {
                av_packet_free(packet);
                packet = null;
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
                decoder = null;
            }
            if (format != null) {
                avformat_close_input(format);
                format = null;
            }
        }
    }

    private VideoFrame convert(int width, int height, long captureTimeNanos) {
        if (scaled == null || scaled.width() != width || scaled.height() != height) {
            if (scaled != null) {
                av_frame_free(scaled);
            }
            scaled = av_frame_alloc();
            scaled.width(width).height(height).format(AV_PIX_FMT_YUV420P);
            if (av_frame_get_buffer(scaled, 0) < 0) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, what + ": out of native memory");
            }
        }
        scaler = sws_getCachedContext(scaler, picture.width(), picture.height(), picture.format(), width, height,
                AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, what + ": can not convert pixel format "
                    + picture.format() + " at " + picture.width() + "x" + picture.height());
        }
        sws_scale(scaler, picture.data(), picture.linesize(), 0, picture.height(), scaled.data(), scaled.linesize());
        int chromaWidth = VideoFrame.chromaSize(width);
        int chromaHeight = VideoFrame.chromaSize(height);
        byte[] y = Ffmpeg.packedPlane(scaled.data(0), scaled.linesize(0), width, height);
        byte[] u = Ffmpeg.packedPlane(scaled.data(1), scaled.linesize(1), chromaWidth, chromaHeight);
        byte[] v = Ffmpeg.packedPlane(scaled.data(2), scaled.linesize(2), chromaWidth, chromaHeight);
        return new VideoFrame(width, height, y, width, u, chromaWidth, v, chromaWidth, 0, captureTimeNanos);
    }

    private void startCall() {
        interrupt.fired = false;
        interrupt.deadlineNanos = System.nanoTime() + timeoutNanos;
    }

    /** FFmpeg's error as the web's: missing → NotFoundError, interrupted → AbortError, else NotReadableError. */
    private MediaDeviceException failure(String doing, int error) {
        String message = what + " " + doing + ": " + Ffmpeg.describe(error);
        FfmpegError cause = new FfmpegError(error, Ffmpeg.describe(error));
        if (error == AVERROR_EXIT() || interrupt.fired) {
            return new MediaDeviceException(MediaDeviceException.ABORT, message + (interrupt.closing ? " (closed)"
                    : " (no answer within " + timeoutNanos / 1_000_000 + " ms)"), cause);
        }
        if (error == FfmpegError.ENOENT || error == FfmpegError.ENODEV) {
            return new MediaDeviceException(MediaDeviceException.NOT_FOUND, message, cause);
        }
        return new MediaDeviceException(MediaDeviceException.NOT_READABLE, message, cause);
    }

    private static double rate(AVRational rational, double otherwise) {
        return rational != null && rational.num() > 0 && rational.den() > 0
                ? (double) rational.num() / rational.den() : otherwise;
    }
}
