package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The VP8 frame header parser on arbitrary bytes: a header whose fields are in their ranges, or a
 * {@link BitstreamParseException}. Seeds: {@code Vp8FrameHeaderFuzzTestInputs/fuzz/} (a libvpx key
 * and delta frame's first bytes).
 */
class Vp8FrameHeaderFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        Vp8FrameHeader h;
        try {
            h = Vp8FrameHeader.parse(data);
        } catch (BitstreamParseException expected) {
            return; // the frame has no QP; counted by QpSum
        }
        assertTrue(h.yAcQi() >= 0 && h.yAcQi() <= 127, h::toString);
        assertTrue(h.firstPartitionSize() <= data.length, h::toString);
        assertTrue(Integer.bitCount(h.dctPartitions()) == 1 && h.dctPartitions() <= 8, h::toString);
        for (int delta : new int[] {h.yDcDelta(), h.y2DcDelta(), h.y2AcDelta(), h.uvDcDelta(), h.uvAcDelta()}) {
            assertTrue(Math.abs(delta) <= 15, h::toString);
        }
        assertTrue(h.keyFrame() || h.width() == 0, h::toString);
    }
}
