package dev.parley.rtc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.MediaKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration, preference order and what happens when FFmpeg's natives do not load. */
class CodecRegistryTest {

    /** A loader that fails as JavaCPP does when a platform has no natives, counting its calls. */
    private static final class BrokenLoader implements FfmpegNatives.LibraryLoader {
        final List<String> asked = new ArrayList<>();

        @Override
        public void load(String library) {
            asked.add(library);
            throw new UnsatisfiedLinkError("no jni" + library + " in java.library.path: /nowhere");
        }
    }

    @Test
    void unavailableNativesGiveAClearErrorNamingLibraryAndReason() {
        BrokenLoader loader = new BrokenLoader();
        Vp8Codec vp8 = Vp8Codec.create(new FfmpegNatives(loader));
        CodecUnavailableException e = assertThrows(CodecUnavailableException.class,
                () -> vp8.createEncoder(new VideoEncoderConfig(1_000_000, 30)));
        assertEquals("VP8", e.codec());
        assertEquals("FFmpeg native library avutil", e.library());
        assertTrue(e.getMessage().contains("VP8 is unavailable"), e.getMessage());
        assertTrue(e.getMessage().contains("no jniavutil in java.library.path"), e.getMessage());
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError);
    }

    @Test
    void aFailedLoadIsNotRetried() {
        BrokenLoader loader = new BrokenLoader();
        FfmpegNatives natives = new FfmpegNatives(loader);
        CodecRegistry registry = CodecRegistry.standard(natives);
        registry.available(MediaKind.AUDIO);
        registry.available(MediaKind.VIDEO);
        assertThrows(CodecUnavailableException.class, () -> new OpusCodec(natives).createDecoder());
        assertEquals(List.of("avutil"), loader.asked, "one attempt, then the remembered failure");
    }

    @Test
    void withoutFfmpegAudioFallsBackToG711AndVideoHasNoCodec() throws Exception {
        CodecRegistry registry = CodecRegistry.standard(new FfmpegNatives(new BrokenLoader()));
        assertEquals(List.of("PCMU", "PCMA"), registry.available(MediaKind.AUDIO));
        assertEquals(List.of(), registry.available(MediaKind.VIDEO));
        AudioEncoder pcmu = registry.audio("PCMU").orElseThrow().createEncoder();
        assertEquals("PCMU", pcmu.name());
    }

    @Test
    void withFfmpegEverythingIsAvailableInPreferenceOrder() {
        CodecRegistry registry = CodecRegistry.standard(FfmpegNatives.javacpp());
        assertEquals(List.of("opus", "PCMU", "PCMA"), registry.available(MediaKind.AUDIO));
        assertEquals(List.of("VP8", "H264"), registry.available(MediaKind.VIDEO));
        CodecRegistry reordered = registry.withPreference(MediaKind.VIDEO, List.of("h264", "vp8", "AV1"))
                .withPreference(MediaKind.AUDIO, List.of("PCMA", "opus"));
        assertEquals(List.of("H264", "VP8"), reordered.available(MediaKind.VIDEO), "case-insensitive; unknown ignored");
        assertEquals(List.of("PCMA", "opus"), reordered.available(MediaKind.AUDIO), "narrowed to the names given");
    }

    @Test
    void loaderErrorsOtherThanLinkageAlsoCount() {
        FfmpegNatives natives = new FfmpegNatives(library -> {
            throw new IllegalStateException("cache directory not writable");
        });
        CodecUnavailableException e = assertThrows(CodecUnavailableException.class, () -> natives.require("opus"));
        assertTrue(e.getMessage().contains("cache directory not writable"), e.getMessage());
    }
}
