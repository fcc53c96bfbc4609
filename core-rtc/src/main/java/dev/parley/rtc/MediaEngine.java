package dev.parley.rtc;

import dev.parley.rtc.codec.AudioCodecFactory;
import dev.parley.rtc.codec.AudioDecoder;
import dev.parley.rtc.codec.AudioEncoder;
import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.CodecUnavailableException;
import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.VideoCodecFactory;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.interceptor.AbsSendTime;
import dev.parley.rtc.interceptor.twcc.TransportCc;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.HeaderExtensionCapability;
import dev.parley.rtc.sdp.MediaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codec registry (pion's {@code MediaEngine}): which codecs and RTP header extensions a peer
 * connection offers, in preference order, with the payload types and extension ids it proposes,
 * and the encoders and decoders behind them. Immutable; one instance may serve many calls.
 *
 * <p>Codecs are registered in a {@link CodecRegistry}, whose order is the preference order. Only
 * codecs that can run here are offered: the first time the codec list is asked for, FFmpeg's
 * natives load; if they can not, the FFmpeg codecs (VP8, H.264, Opus) drop out with a warning
 * naming the library, and audio still has G.711, which is Java. Video codecs are offered with
 * RTX (RFC 4588) on the next payload type.
 *
 * <p>{@link #defaults()} offers what calls use: Opus first (as browsers do), PCMU and PCMA after
 * it, which are also what remains where FFmpeg can not load; VP8. {@link #standard()} offers
 * every codec Parley ships.
 */
public final class MediaEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);

    /** RFC 8843 §15: the MID header extension routes bundled RTP before SSRCs are known. */
    public static final String MID_EXTENSION = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** RFC 6464: each audio packet's level, for mixers and for the receiver's {@code getSynchronizationSources()}. */
    public static final String AUDIO_LEVEL_EXTENSION = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** Coordination of video orientation (3GPP TS 26.114 §7.4.5): the turn to show a picture upright. */
    public static final String VIDEO_ORIENTATION_EXTENSION = "urn:3gpp:video-orientation";
    private static final List<String> VIDEO_FEEDBACK = List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");

    private final CodecRegistry registry;
    private final List<HeaderExtensionCapability> headerExtensions;
    /** The codecs offered, or null until first asked (asking loads natives). */
    private volatile List<CodecCapability> audioCodecs;
    private volatile List<CodecCapability> videoCodecs;

    /** Offers exactly these codecs; encoders and decoders come from {@link CodecRegistry#standard}. */
    public MediaEngine(List<CodecCapability> audioCodecs, List<CodecCapability> videoCodecs,
            List<HeaderExtensionCapability> headerExtensions) {
        this.registry = CodecRegistry.standard(FfmpegNatives.javacpp());
        this.audioCodecs = List.copyOf(audioCodecs);
        this.videoCodecs = List.copyOf(videoCodecs);
        this.headerExtensions = List.copyOf(headerExtensions);
    }

    /** Offers the registry's codecs that can run here, in its order. */
    public MediaEngine(CodecRegistry registry, List<HeaderExtensionCapability> headerExtensions) {
        this.registry = registry;
        this.headerExtensions = List.copyOf(headerExtensions);
    }

    /** Opus, PCMU, PCMA; VP8 + RTX; the ssrc-audio-level, abs-send-time, transport-cc, mid and video-orientation extensions. */
    public static MediaEngine defaults() {
        return new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
                .withPreference(MediaKind.AUDIO, List.of("opus", "PCMU", "PCMA"))
                .withPreference(MediaKind.VIDEO, List.of("VP8")), defaultExtensions());
    }

    /** Every codec Parley ships, in {@link CodecRegistry#standard} order: Opus, PCMU, PCMA; VP8, H.264. */
    public static MediaEngine standard() {
        return new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp()), defaultExtensions());
    }

    /**
     * The header extensions {@link #defaults()} and {@link #standard()} offer, with ids as Chromium
     * numbers them so that both sides' offers agree; {@link #headerExtensions(MediaKind)} keeps
     * each kind's own. For an engine with other codecs and the same extensions.
     */
    public static List<HeaderExtensionCapability> defaultExtensions() {
        return List.of(new HeaderExtensionCapability(AUDIO_LEVEL_EXTENSION, 1, Direction.SENDRECV),
                new HeaderExtensionCapability(AbsSendTime.EXTENSION_URI, 2, Direction.SENDRECV),
                new HeaderExtensionCapability(TransportCc.EXTENSION_URI, 3, Direction.SENDRECV),
                new HeaderExtensionCapability(MID_EXTENSION, 4, Direction.SENDRECV),
                new HeaderExtensionCapability(VIDEO_ORIENTATION_EXTENSION, 13, Direction.SENDRECV));
    }

    /** The codecs offered for {@code kind}, in preference order (the first call may load natives). */
    public List<CodecCapability> codecs(MediaKind kind) {
        switch (kind) {
            case AUDIO:
                if (audioCodecs == null) {
                    audioCodecs = offeredAudio();
                }
                return audioCodecs;
            case VIDEO:
                if (videoCodecs == null) {
                    videoCodecs = offeredVideo();
                }
                return videoCodecs;
            default:
                return List.of();
        }
    }

    /** The extensions offered for {@code kind}: the orientation only with video, the audio level only with audio. */
    public List<HeaderExtensionCapability> headerExtensions(MediaKind kind) {
        if (kind == MediaKind.APPLICATION) {
            return List.of();
        }
        String otherKinds = kind == MediaKind.AUDIO ? VIDEO_ORIENTATION_EXTENSION : AUDIO_LEVEL_EXTENSION;
        return headerExtensions.stream().filter(e -> !e.uri().equals(otherKinds)).toList();
    }

    /** The registry behind this engine. */
    public CodecRegistry registry() {
        return registry;
    }

    private List<CodecCapability> offeredAudio() {
        List<CodecCapability> offered = new ArrayList<>();
        for (String name : registry.available(MediaKind.AUDIO)) {
            AudioCodecFactory f = registry.audio(name).orElseThrow();
            offered.add(new CodecCapability(f.name(), f.clockRate(), f.channels(), f.fmtp(), List.of(),
                    f.preferredPayloadType()));
        }
        return List.copyOf(offered);
    }

    private List<CodecCapability> offeredVideo() {
        List<CodecCapability> offered = new ArrayList<>();
        for (String name : registry.available(MediaKind.VIDEO)) {
            VideoCodecFactory f = registry.video(name).orElseThrow();
            int payloadType = f.preferredPayloadType();
            offered.add(new CodecCapability(f.name(), EncodedVideoFrame.CLOCK_RATE, 1, f.fmtp(), VIDEO_FEEDBACK,
                    payloadType));
            offered.add(new CodecCapability(CodecCapability.RTX, EncodedVideoFrame.CLOCK_RATE, 1,
                    Map.of("apt", Integer.toString(payloadType)), List.of(), payloadType + 1));
        }
        return List.copyOf(offered);
    }

    /** An encoder for a negotiated audio codec, if Parley has one that runs here. */
    Optional<AudioEncoder> audioEncoder(CodecCapability codec) {
        Optional<AudioCodecFactory> factory = registry.audio(codec.name());
        try {
            return factory.isEmpty() ? Optional.empty() : Optional.of(factory.get().createEncoder());
        } catch (CodecUnavailableException e) {
            LOG.warn("no {} encoder: {}", codec.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A decoder for a negotiated audio codec, if Parley has one that runs here. */
    Optional<AudioDecoder> audioDecoder(CodecCapability codec) {
        Optional<AudioCodecFactory> factory = registry.audio(codec.name());
        try {
            return factory.isEmpty() ? Optional.empty() : Optional.of(factory.get().createDecoder());
        } catch (CodecUnavailableException e) {
            LOG.warn("no {} decoder: {}", codec.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** An encoder for a negotiated video codec, if Parley has one that runs here; the caller closes it. */
    Optional<VideoEncoder> videoEncoder(CodecCapability codec, VideoEncoderConfig config) {
        Optional<VideoCodecFactory> factory = registry.video(codec.name());
        try {
            return factory.isEmpty() ? Optional.empty() : Optional.of(factory.get().createEncoder(config));
        } catch (CodecUnavailableException e) {
            LOG.warn("no {} encoder: {}", codec.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A decoder for a negotiated video codec, if Parley has one that runs here; the caller closes it. */
    Optional<VideoDecoder> videoDecoder(CodecCapability codec) {
        Optional<VideoCodecFactory> factory = registry.video(codec.name());
        try {
            return factory.isEmpty() ? Optional.empty() : Optional.of(factory.get().createDecoder());
        } catch (CodecUnavailableException e) {
            LOG.warn("no {} decoder: {}", codec.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
