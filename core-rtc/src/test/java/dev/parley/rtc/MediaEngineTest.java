package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.interceptor.AbsSendTime;
import dev.parley.rtc.interceptor.twcc.TransportCc;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.MediaKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine offers the registry's runnable codecs, with RTX for video, and makes their codecs. */
class MediaEngineTest {

    private static List<String> names(List<CodecCapability> codecs) {
        return codecs.stream().map(c -> c.name() + "/" + c.payloadType()).toList();
    }

    @Test
    void defaultsOfferWhatThePipelinesCarry() {
        MediaEngine engine = MediaEngine.defaults();
        assertEquals(List.of("opus/111", "PCMU/0", "PCMA/8"), names(engine.codecs(MediaKind.AUDIO)));
        CodecCapability opus = engine.codecs(MediaKind.AUDIO).get(0);
        assertEquals(48000, opus.clockRate());
        assertEquals(2, opus.channels());
        assertEquals(java.util.Map.of("minptime", "10", "useinbandfec", "1"), opus.fmtp());
        assertEquals(List.of("VP8/96", "rtx/97"), names(engine.codecs(MediaKind.VIDEO)));
        assertEquals("96", engine.codecs(MediaKind.VIDEO).get(1).fmtp().get("apt"));
    }

    @Test
    void standardOffersEveryCodecWithItsParameters() {
        MediaEngine engine = MediaEngine.standard();
        assertEquals(List.of("opus/111", "PCMU/0", "PCMA/8"), names(engine.codecs(MediaKind.AUDIO)));
        assertEquals(List.of("VP8/96", "rtx/97", "H264/102", "rtx/103"), names(engine.codecs(MediaKind.VIDEO)));
        CodecCapability opus = engine.codecs(MediaKind.AUDIO).get(0);
        assertEquals(2, opus.channels());
        assertEquals("1", opus.fmtp().get("useinbandfec"));
        CodecCapability h264 = engine.codecs(MediaKind.VIDEO).get(2);
        assertEquals("1", h264.fmtp().get("packetization-mode"));
        assertEquals("42e01f", h264.fmtp().get("profile-level-id"));
        assertTrue(engine.videoEncoder(h264, new VideoEncoderConfig(1_000_000, 30)).isPresent());
        assertTrue(engine.audioDecoder(opus).isPresent());
    }

    @Test
    void withoutFfmpegTheEngineStillOffersG711() {
        FfmpegNatives broken = new FfmpegNatives(library -> {
            throw new UnsatisfiedLinkError("no " + library);
        });
        MediaEngine engine = new MediaEngine(CodecRegistry.standard(broken), List.of());
        assertEquals(List.of("PCMU/0", "PCMA/8"), names(engine.codecs(MediaKind.AUDIO)));
        assertEquals(List.of(), engine.codecs(MediaKind.VIDEO));
        CodecCapability opus = new CodecCapability("opus", 48000, 2, 111);
        assertTrue(engine.audioEncoder(opus).isEmpty(), "no Opus encoder, and no exception");
        assertTrue(engine.audioEncoder(engine.codecs(MediaKind.AUDIO).get(0)).isPresent());
    }

    /** Chromium's ids, so both sides' offers agree; each kind gets only the extensions it carries. */
    @Test
    void headerExtensions_withChromiumsIds_audioLevelOnAudioOnly_orientationOnVideoOnly() {
        MediaEngine engine = MediaEngine.defaults();
        assertEquals(List.of("1 " + MediaEngine.AUDIO_LEVEL_EXTENSION, "2 " + AbsSendTime.EXTENSION_URI,
                        "3 " + TransportCc.EXTENSION_URI, "4 " + MediaEngine.MID_EXTENSION),
                extensions(engine, MediaKind.AUDIO));
        assertEquals(List.of("2 " + AbsSendTime.EXTENSION_URI, "3 " + TransportCc.EXTENSION_URI,
                        "4 " + MediaEngine.MID_EXTENSION, "13 " + MediaEngine.VIDEO_ORIENTATION_EXTENSION),
                extensions(engine, MediaKind.VIDEO));
        assertEquals(List.of(), engine.headerExtensions(MediaKind.APPLICATION));
    }

    private static List<String> extensions(MediaEngine engine, MediaKind kind) {
        return engine.headerExtensions(kind).stream().map(e -> e.id() + " " + e.uri()).toList();
    }
}
