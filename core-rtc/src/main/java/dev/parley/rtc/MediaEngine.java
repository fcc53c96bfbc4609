package dev.parley.rtc;

import dev.parley.rtc.codec.AudioDecoder;
import dev.parley.rtc.codec.AudioEncoder;
import dev.parley.rtc.codec.G711;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.HeaderExtensionCapability;
import dev.parley.rtc.sdp.MediaKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The codec registry (pion's {@code MediaEngine}): which codecs and RTP header extensions a peer
 * connection offers, in preference order, with the payload types and extension ids it proposes,
 * and the encoders and decoders behind them. Immutable; one instance may serve many calls.
 *
 * <p>Only codecs Parley can really encode and decode are offered: audio G.711 (PCMU, PCMA) today;
 * Opus and video codecs join when their codecs land (issue #6). Video m-lines are still
 * negotiated (VP8 with RTX) so a browser's camera track has a place in the call.
 */
public final class MediaEngine {
    /** RFC 8843 §15: the MID header extension routes bundled RTP before SSRCs are known. */
    public static final String MID_EXTENSION = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String AUDIO_LEVEL_EXTENSION = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    private final List<CodecCapability> audioCodecs;
    private final List<CodecCapability> videoCodecs;
    private final List<HeaderExtensionCapability> headerExtensions;

    public MediaEngine(List<CodecCapability> audioCodecs, List<CodecCapability> videoCodecs,
            List<HeaderExtensionCapability> headerExtensions) {
        this.audioCodecs = List.copyOf(audioCodecs);
        this.videoCodecs = List.copyOf(videoCodecs);
        this.headerExtensions = List.copyOf(headerExtensions);
    }

    /** PCMU, PCMA; VP8 + RTX (negotiation only until #6); the MID extension. */
    public static MediaEngine defaults() {
        List<String> videoFeedback = List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        return new MediaEngine(
                List.of(new CodecCapability("PCMU", 8000, 1, Map.of(), List.of(), 0),
                        new CodecCapability("PCMA", 8000, 1, Map.of(), List.of(), 8)),
                List.of(new CodecCapability("VP8", 90000, 1, Map.of(), videoFeedback, 96),
                        new CodecCapability("rtx", 90000, 1, Map.of("apt", "96"), List.of(), 97)),
                List.of(new HeaderExtensionCapability(MID_EXTENSION, 4, Direction.SENDRECV)));
    }

    public List<CodecCapability> codecs(MediaKind kind) {
        switch (kind) {
            case AUDIO:
                return audioCodecs;
            case VIDEO:
                return videoCodecs;
            default:
                return List.of();
        }
    }

    public List<HeaderExtensionCapability> headerExtensions(MediaKind kind) {
        return kind == MediaKind.APPLICATION ? List.of() : headerExtensions;
    }

    /** An encoder for a negotiated audio codec, if Parley has one. */
    Optional<AudioEncoder> audioEncoder(CodecCapability codec) {
        switch (codec.name().toUpperCase(Locale.ROOT)) {
            case "PCMU":
                return Optional.of(G711.pcmuEncoder());
            case "PCMA":
                return Optional.of(G711.pcmaEncoder());
            default:
                return Optional.empty();
        }
    }

    /** A decoder for a negotiated audio codec, if Parley has one. */
    Optional<AudioDecoder> audioDecoder(CodecCapability codec) {
        switch (codec.name().toUpperCase(Locale.ROOT)) {
            case "PCMU":
                return Optional.of(G711.pcmuDecoder());
            case "PCMA":
                return Optional.of(G711.pcmaDecoder());
            default:
                return Optional.empty();
        }
    }
}
