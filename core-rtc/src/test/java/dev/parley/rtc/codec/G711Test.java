package dev.parley.rtc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * G.711 against the Recommendation itself: the decoder outputs of Tables 1 (A-law) and 2 (μ-law),
 * written here as each segment's first quantized value and step in the tables' own units, and the
 * code words of §3 (μ-law sent inverted, A-law with even bits inverted). Then every code word and
 * every 16-bit sample.
 */
class G711Test {

    /** μ-law Table 2: per segment, the first quantized value (14-bit units) and the interval size. */
    private static final int[][] MU_LAW_SEGMENTS = {
        {0, 2}, {33, 4}, {99, 8}, {231, 16}, {495, 32}, {1023, 64}, {2079, 128}, {4191, 256},
    };
    /** μ-law Table 2: the decision value where each segment starts, and the overload point 8159. */
    private static final int[] MU_LAW_SEGMENT_STARTS = {0, 31, 95, 223, 479, 991, 2015, 4063, 8159};

    /** A-law Table 1: per segment, the first quantized value (13-bit units, magnitude) and step. */
    private static final int[][] A_LAW_SEGMENTS = {
        {1, 2}, {33, 2}, {66, 4}, {132, 8}, {264, 16}, {528, 32}, {1056, 64}, {2112, 128},
    };

    @Test
    void muLawDecodesEveryCodeWordToTable2() {
        for (int segment = 0; segment < 8; segment++) {
            for (int interval = 0; interval < 16; interval++) {
                int expected14 = MU_LAW_SEGMENTS[segment][0] + interval * MU_LAW_SEGMENTS[segment][1];
                int positive = ~(segment << 4 | interval) & 0xFF;
                int negative = ~(0x80 | segment << 4 | interval) & 0xFF;
                assertEquals(expected14 * 4, G711.decodeMuLaw((byte) positive), "code " + Integer.toHexString(positive));
                assertEquals(-expected14 * 4, G711.decodeMuLaw((byte) negative), "code " + Integer.toHexString(negative));
            }
        }
    }

    @Test
    void aLawDecodesEveryCodeWordToTable1() {
        for (int segment = 0; segment < 8; segment++) {
            for (int interval = 0; interval < 16; interval++) {
                int expected13 = A_LAW_SEGMENTS[segment][0] + interval * A_LAW_SEGMENTS[segment][1];
                int positive = (0x80 | segment << 4 | interval) ^ 0x55;
                int negative = (segment << 4 | interval) ^ 0x55;
                assertEquals(expected13 * 8, G711.decodeALaw((byte) positive), "code " + Integer.toHexString(positive));
                assertEquals(-expected13 * 8, G711.decodeALaw((byte) negative), "code " + Integer.toHexString(negative));
            }
        }
    }

    @Test
    void knownCodeWords() {
        // μ-law: silence is 0xFF (positive zero) and 0x7F (negative zero); full scale is 0x80 / 0x00.
        assertEquals(0, G711.decodeMuLaw((byte) 0xFF));
        assertEquals(0, G711.decodeMuLaw((byte) 0x7F));
        assertEquals((byte) 0xFF, G711.encodeMuLaw((short) 0));
        assertEquals((byte) 0x7F, G711.encodeMuLaw((short) -1));
        assertEquals(32124, G711.decodeMuLaw((byte) 0x80));
        assertEquals(-32124, G711.decodeMuLaw((byte) 0x00));
        assertEquals((byte) 0x80, G711.encodeMuLaw(Short.MAX_VALUE));
        assertEquals((byte) 0x00, G711.encodeMuLaw(Short.MIN_VALUE));
        // A-law: no zero level; the smallest are +8 (0xD5) and -8 (0x55); full scale 0xAA / 0x2A.
        assertEquals(8, G711.decodeALaw((byte) 0xD5));
        assertEquals(-8, G711.decodeALaw((byte) 0x55));
        assertEquals((byte) 0xD5, G711.encodeALaw((short) 0));
        assertEquals((byte) 0x55, G711.encodeALaw((short) -1));
        assertEquals(32256, G711.decodeALaw((byte) 0xAA));
        assertEquals(-32256, G711.decodeALaw((byte) 0x2A));
        assertEquals((byte) 0xAA, G711.encodeALaw(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.encodeALaw(Short.MIN_VALUE));
    }

    @Test
    void muLawEncodesTheTable2DecisionValuesIntoTheirSegments() {
        // A 14-bit value v becomes the 16-bit sample 4v.
        for (int segment = 0; segment < 8; segment++) {
            int first = MU_LAW_SEGMENT_STARTS[segment];
            int last = MU_LAW_SEGMENT_STARTS[segment + 1] - 1;
            assertEquals(segment, muLawSegment(G711.encodeMuLaw((short) (first * 4))), "first value of segment " + segment);
            assertEquals(segment, muLawSegment(G711.encodeMuLaw((short) (last * 4 + 3))), "last value of segment " + segment);
            assertEquals(segment, muLawSegment(G711.encodeMuLaw((short) (-first * 4 - 1))), "first negative, segment " + segment);
        }
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte word = (byte) code;
            byte muAgain = G711.encodeMuLaw(G711.decodeMuLaw(word));
            // Negative zero (0x7F) decodes to 0, which is positive zero (0xFF): the one μ-law alias.
            assertEquals(code == 0x7F ? (byte) 0xFF : word, muAgain, "μ-law " + Integer.toHexString(code));
            assertEquals(word, G711.encodeALaw(G711.decodeALaw(word)), "A-law " + Integer.toHexString(code));
        }
    }

    @Test
    void everySixteenBitSampleComesBackWithinHalfAnInterval() {
        int worstMu = 0;
        int worstA = 0;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            short sample = (short) x;
            byte mu = G711.encodeMuLaw(sample);
            int muBack = G711.decodeMuLaw(mu);
            if (Math.abs(x) > 8159 * 4 - 4) {
                // Beyond the last decision value (8159) μ-law overloads: the outermost level.
                assertEquals(x > 0 ? 32124 : -32124, muBack, "μ-law overload at " + x);
            } else {
                int halfStep16 = 4 * (1 << muLawSegment(mu)); // half of 2^(s+1) 14-bit units, times 4
                assertTrue(Math.abs(x - muBack) <= halfStep16, "μ-law " + x + " -> " + muBack);
                worstMu = Math.max(worstMu, Math.abs(x - muBack) * 1000 / halfStep16);
            }
            byte a = G711.encodeALaw(sample);
            int aBack = G711.decodeALaw(a);
            int segment = ((a ^ 0x55) >> 4) & 0x07;
            int halfStep16 = 8 * (segment <= 1 ? 1 : 1 << (segment - 1)); // half of the 13-bit step, times 8
            assertTrue(Math.abs(x - aBack) <= halfStep16, "A-law " + x + " -> " + aBack);
            worstA = Math.max(worstA, Math.abs(x - aBack) * 1000 / halfStep16);
            assertTrue(x < 0 ? muBack <= 0 : muBack >= 0, "μ-law sign of " + x);
            assertEquals(x < 0, aBack < 0, "A-law sign of " + x);
        }
        // The bound is tight: some sample sits right at the edge of its interval.
        assertEquals(1000, worstMu);
        assertEquals(1000, worstA);
    }

    @Test
    void decodedLevelsNeverDecreaseAsTheSampleGrows() {
        int lastMu = Integer.MIN_VALUE;
        int lastA = Integer.MIN_VALUE;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int mu = G711.decodeMuLaw(G711.encodeMuLaw((short) x));
            int a = G711.decodeALaw(G711.encodeALaw((short) x));
            assertTrue(mu >= lastMu, "μ-law not monotonic at " + x);
            assertTrue(a >= lastA, "A-law not monotonic at " + x);
            lastMu = mu;
            lastA = a;
        }
    }

    @Test
    void encodingIsSymmetricAroundMinusAHalf() {
        // x and -x-1 (its one's complement) differ only in the sign bit of the code word.
        for (int x = 0; x <= Short.MAX_VALUE; x++) {
            short positive = (short) x;
            short negative = (short) (-x - 1);
            assertEquals((byte) (G711.encodeMuLaw(positive) ^ 0x80), G711.encodeMuLaw(negative), "μ-law " + x);
            assertEquals((byte) (G711.encodeALaw(positive) ^ 0x80), G711.encodeALaw(negative), "A-law " + x);
        }
    }

    private static int muLawSegment(byte code) {
        return (~code >> 4) & 0x07;
    }
}
