package dev.parley.media;

import dev.parley.rtc.codec.CodecUnavailableException;
import dev.parley.rtc.codec.FfmpegNatives;

/**
 * FFmpeg's input side (libavformat, libavdevice, libswscale) on top of core-rtc's codec natives
 * ({@link FfmpegNatives}, which also quiets FFmpeg's log): loaded once, on first use, with
 * {@code avdevice_register_all()} so the v4l2/dshow/avfoundation and lavfi inputs are known. The
 * outcome is remembered, so a machine without the natives gets the same clear error every time.
 */
final class FfmpegInputNatives {
    private static Throwable failure; // guarded by the class
    private static boolean attempted;

    private FfmpegInputNatives() {}

    /** @throws MediaDeviceException {@code NotReadableError} naming {@code user} if the natives do not load */
    static synchronized void require(String user) {
        if (!attempted) {
            attempted = true;
            try {
                FfmpegNatives.javacpp().require("FFmpeg input");
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avdevice.class);
                org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all();
            } catch (CodecUnavailableException | LinkageError | RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, user + ": FFmpeg's input libraries"
                    + " did not load: " + failure, failure);
        }
    }

    /** Whether the natives load (loading them if not tried yet). */
    static boolean available() {
        try {
            require("probe");
            return true;
        } catch (MediaDeviceException e) {
            return false;
        }
    }
}
