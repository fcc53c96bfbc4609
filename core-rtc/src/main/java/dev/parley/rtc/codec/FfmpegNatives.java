package dev.parley.rtc.codec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads FFmpeg's native libraries (through JavaCPP) the first time a codec needs them, once, and
 * remembers the outcome: a machine without usable natives gets a {@link CodecUnavailableException}
 * naming the library and the loader's reason, every time it asks, without retrying the load.
 *
 * <p>Nothing touches an {@code org.bytedeco.ffmpeg} class before {@link #require} succeeded: their
 * static initialisers load the natives and would fail with an {@link Error} instead.
 *
 * <p>What the FFmpeg of {@code org.bytedeco:ffmpeg:8.1.2-1.5.14} (linux-x86_64, LGPL build, no
 * GPL parts) has, probed with {@code avcodec_find_encoder_by_name}/{@code _decoder_by_name}:
 * libvpx (VP8 and VP9, encoder and decoder) and FFmpeg's own vp8 decoder; libopenh264 (H.264
 * encoder and decoder) and FFmpeg's own h264 decoder, no libx264; libopus (encoder and decoder)
 * and FFmpeg's own opus encoder (experimental) and decoder. libvpx, libopenh264 and libopus are
 * linked into the bundled {@code libavcodec}; the jar carries every library it needs (libva, libdrm
 * included), so no system package is required.
 */
public final class FfmpegNatives {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegNatives.class);

    /** Loads one of FFmpeg's libraries; the real one is JavaCPP's {@code Loader.load(Class)}. */
    @FunctionalInterface
    public interface LibraryLoader {
        /**
         * @param library "avutil", "avcodec" or "swscale"
         * @throws Throwable whatever the loader throws when the library can not load (usually an
         *     {@link UnsatisfiedLinkError} or a {@link NoClassDefFoundError})
         */
        void load(String library) throws Throwable;
    }

    private static final String[] LIBRARIES = {"avutil", "avcodec"};

    private final LibraryLoader loader;
    /** Guarded by this: null until the first attempt, then the outcome (OK or the failure). */
    private Outcome outcome;

    private record Outcome(String library, Throwable failure) {}

    /** Natives loaded by {@code loader} (tests inject one that fails). */
    public FfmpegNatives(LibraryLoader loader) {
        this.loader = loader;
    }

    /** FFmpeg's natives as JavaCPP finds them on the class path (the platform jar of this machine). */
    public static FfmpegNatives javacpp() {
        return new FfmpegNatives(FfmpegNatives::loadWithJavacpp);
    }

    /**
     * Loads the natives on the first call (later calls return at once).
     *
     * @param codec the codec asking, named in the error
     * @throws CodecUnavailableException if a library did not load, now or on the first attempt
     */
    public void require(String codec) throws CodecUnavailableException {
        Outcome result;
        synchronized (this) {
            if (outcome == null) {
                outcome = loadAll();
            }
            result = outcome;
        }
        if (result.failure() != null) {
            Throwable why = result.failure();
            throw new CodecUnavailableException(codec, "FFmpeg native library " + result.library(),
                    "could not load: " + why.getClass().getSimpleName() + ": " + why.getMessage(), why);
        }
    }

    private Outcome loadAll() {
        for (String library : LIBRARIES) {
            try {
                loader.load(library);
            } catch (Throwable failure) { // UnsatisfiedLinkError, NoClassDefFoundError, loader exceptions
                if (failure instanceof VirtualMachineError vmError) {
                    throw vmError;
                }
                LOG.warn("FFmpeg's {} did not load; VP8, H.264 and Opus are unavailable: {}", library, failure.toString());
                return new Outcome(library, failure);
            }
        }
        return new Outcome(null, null);
    }

    private static void loadWithJavacpp(String library) {
        switch (library) {
            case "avutil" -> {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
                // FFmpeg logs to stderr, also for every bad packet a peer sends; our codecs report
                // failures as exceptions, so only fatal messages get through (process-wide setting).
                org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL);
            }
            case "avcodec" -> org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
            default -> throw new IllegalArgumentException("not an FFmpeg library Parley uses: " + library);
        }
    }
}
