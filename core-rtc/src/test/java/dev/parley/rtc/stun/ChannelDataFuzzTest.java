package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes: {@link ChannelData#parse} returns a value or throws {@link StunParseException}.
 * A parsed value written padded and unpadded parses equal again; the unpadded form equals the
 * input when the input had no padding.
 */
class ChannelDataFuzzTest {
    @FuzzTest
    void parseWriteParse(byte[] data) {
        boolean looksLikeChannelData = ChannelData.looksLikeChannelData(data, 0, data.length);
        ChannelData parsed;
        try {
            parsed = ChannelData.parse(data);
        } catch (StunParseException e) {
            return;
        }
        assertTrue(looksLikeChannelData, "parsed but looksLikeChannelData said no");
        byte[] unpadded = parsed.toBytes(false);
        byte[] padded = parsed.toBytes(true);
        assertEquals(parsed, reparse(unpadded));
        assertEquals(parsed, reparse(padded));
        assertEquals(0, padded.length % 4);
        if (data.length == unpadded.length) {
            assertArrayEquals(data, unpadded);
        }
    }

    private static ChannelData reparse(byte[] bytes) {
        try {
            return ChannelData.parse(bytes);
        } catch (StunParseException e) {
            return fail("written ChannelData does not parse: " + e.getMessage(), e);
        }
    }
}
