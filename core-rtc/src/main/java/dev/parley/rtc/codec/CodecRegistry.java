package dev.parley.rtc.codec;

import dev.parley.rtc.sdp.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codecs an engine can use, in preference order (first is offered first). Immutable; codecs
 * are registered, not hard-wired: {@link #standard} holds what Parley ships, and
 * {@link #withPreference} reorders or narrows it.
 *
 * <p>Availability is asked lazily: {@link #available} loads a codec's natives on first use, and a
 * codec that can not run here (FFmpeg missing) is left out with one warning naming the library
 * and the reason; G.711 is Java and always there, so audio keeps working without FFmpeg.
 */
public final class CodecRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CodecRegistry.class);

    private final List<AudioCodecFactory> audio;
    private final List<VideoCodecFactory> video;

    public CodecRegistry(List<? extends AudioCodecFactory> audio, List<? extends VideoCodecFactory> video) {
        this.audio = List.copyOf(audio);
        this.video = List.copyOf(video);
    }

    /**
     * Opus, PCMU, PCMA; VP8, H.264 — the codecs Parley ships, the FFmpeg ones through
     * {@code natives} (loaded when a codec is first used).
     */
    public static CodecRegistry standard(FfmpegNatives natives) {
        return new CodecRegistry(List.of(new OpusCodec(natives), G711Codec.pcmu(), G711Codec.pcma()),
                List.of(Vp8Codec.create(natives), H264Codec.create(natives)));
    }

    /** Every registered audio codec, available or not, in preference order. */
    public List<AudioCodecFactory> audioCodecs() {
        return audio;
    }

    /** Every registered video codec, available or not, in preference order. */
    public List<VideoCodecFactory> videoCodecs() {
        return video;
    }

    /** The registered codecs of {@code kind} that can run here, in preference order (loads natives). */
    public List<String> available(MediaKind kind) {
        List<String> names = new ArrayList<>();
        if (kind == MediaKind.AUDIO) {
            for (AudioCodecFactory f : audio) {
                if (isAvailable(f.name(), f::checkAvailable)) {
                    names.add(f.name());
                }
            }
        } else if (kind == MediaKind.VIDEO) {
            for (VideoCodecFactory f : video) {
                if (isAvailable(f.name(), f::checkAvailable)) {
                    names.add(f.name());
                }
            }
        }
        return names;
    }

    public Optional<AudioCodecFactory> audio(String name) {
        return audio.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<VideoCodecFactory> video(String name) {
        return video.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * This registry with the codecs of {@code kind} narrowed to {@code names}, in that order
     * (case-insensitive); names not registered are ignored. The other kind is unchanged.
     */
    public CodecRegistry withPreference(MediaKind kind, List<String> names) {
        if (kind == MediaKind.AUDIO) {
            return new CodecRegistry(pick(audio, names, AudioCodecFactory::name), video);
        }
        if (kind == MediaKind.VIDEO) {
            return new CodecRegistry(audio, pick(video, names, VideoCodecFactory::name));
        }
        return this;
    }

    private static <T> List<T> pick(List<T> from, List<String> names, java.util.function.Function<T, String> name) {
        List<T> picked = new ArrayList<>();
        for (String wanted : names) {
            String key = wanted.toLowerCase(Locale.ROOT);
            from.stream().filter(f -> name.apply(f).toLowerCase(Locale.ROOT).equals(key) && !picked.contains(f))
                    .findFirst().ifPresent(picked::add);
        }
        return picked;
    }

    @FunctionalInterface
    private interface Check {
        void run() throws CodecUnavailableException;
    }

    private static boolean isAvailable(String name, Check check) {
        try {
            check.run();
            return true;
        } catch (CodecUnavailableException e) {
            LOG.debug("{} left out: {}", name, e.getMessage());
            return false;
        }
    }
}
