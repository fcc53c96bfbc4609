package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Opus payload validation on arbitrary bytes: either a packet of 1..48 frames lasting at most
 * 120 ms, or a {@link PayloadParseException}. Seeds: {@code OpusPayloadFuzzTestInputs/fuzz/}.
 */
class OpusPayloadFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        OpusPayload payload;
        try {
            payload = OpusPayload.parse(data, 0, data.length);
        } catch (PayloadParseException expected) {
            return;
        }
        assertTrue(payload.frames() >= 1 && payload.frames() <= 48, payload.toString());
        assertTrue(payload.samples() >= 120 && payload.samples() <= 5760, payload.toString());
        assertTrue(payload.config() >= 0 && payload.config() <= 31);
    }
}
