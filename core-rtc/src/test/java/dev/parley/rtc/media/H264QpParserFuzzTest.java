package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The H.264 parameter set and slice header parsers on arbitrary Annex B bytes, twice through one
 * parser (the second time with whatever parameter sets the first kept): a QP in range, or a
 * {@link BitstreamParseException}. Seeds: {@code H264QpParserFuzzTestInputs/fuzz/} (OpenH264's IDR
 * with its SPS and PPS, hand-made slices with the optional parts).
 */
class H264QpParserFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        H264QpParser parser = new H264QpParser();
        for (int round = 0; round < 2; round++) {
            try {
                int qp = parser.qp(data);
                assertTrue(qp >= -36 && qp <= 51, "QP " + qp);
            } catch (BitstreamParseException expected) {
                // no QP for this frame; counted by QpSum
            }
        }
    }
}
