package dev.parley.rtc.codec;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import org.bytedeco.ffmpeg.avcodec.AVCodec;

/** Whether this FFmpeg build carries an encoder or decoder (builds differ: LGPL ones lack libx264). */
final class FfmpegCodecs {
    private FfmpegCodecs() {}

    static void requireEncoder(String codec, String ffmpegName) throws CodecUnavailableException {
        AVCodec found = avcodec_find_encoder_by_name(ffmpegName);
        if (found == null || found.isNull()) {
            throw new CodecUnavailableException(codec, "FFmpeg", "was built without the " + ffmpegName + " encoder", null);
        }
    }

    static void requireDecoder(String codec, String ffmpegName) throws CodecUnavailableException {
        AVCodec found = avcodec_find_decoder_by_name(ffmpegName);
        if (found == null || found.isNull()) {
            throw new CodecUnavailableException(codec, "FFmpeg", "was built without the " + ffmpegName + " decoder", null);
        }
    }
}
