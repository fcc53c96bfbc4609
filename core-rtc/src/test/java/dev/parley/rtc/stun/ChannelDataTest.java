package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import org.junit.jupiter.api.Test;

/** TURN ChannelData framing (RFC 8656 §12.4, §12.5). */
class ChannelDataTest {
    private static final byte[] HELLO = "hello".getBytes();

    private static void assertError(String hex, int offset, String message) {
        StunParseException e = assertThrows(StunParseException.class, () -> ChannelData.parse(Hex.bytes(hex)));
        assertEquals(message, e.getMessage());
        assertEquals(offset, e.offset());
    }

    @Test
    void writesUnpaddedForUdpAndPaddedForStreams() {
        ChannelData message = new ChannelData(0x4001, HELLO);
        assertEquals("40010005 68656c6c6f".replace(" ", ""), Hex.string(message.toBytes(false)));
        assertEquals("40010005 68656c6c6f 000000".replace(" ", ""), Hex.string(message.toBytes(true)));
        // Already a multiple of 4: no padding either way.
        assertArrayEquals(new ChannelData(0x4fff, new byte[4]).toBytes(false), new ChannelData(0x4fff, new byte[4]).toBytes(true));
    }

    @Test
    void parsesWithAndWithoutPadding() throws Exception {
        ChannelData expected = new ChannelData(0x4001, HELLO);
        assertEquals(expected, ChannelData.parse(Hex.bytes("40010005 68656c6c6f")));
        assertEquals(expected, ChannelData.parse(Hex.bytes("40010005 68656c6c6f 000000")));
        // Padding bytes are not inspected (and partial padding is tolerated).
        assertEquals(expected, ChannelData.parse(Hex.bytes("40010005 68656c6c6f ff")));
        assertEquals(new ChannelData(0x4000, new byte[0]), ChannelData.parse(Hex.bytes("40000000")));
    }

    @Test
    void parsesInsideALargerBuffer() throws Exception {
        byte[] buf = Hex.bytes("ffff 40010005 68656c6c6f ffff");
        assertEquals(new ChannelData(0x4001, HELLO), ChannelData.parse(buf, 2, 9));
    }

    @Test
    void channelOutsideTheRangeIsRejected() {
        assertError("3fff0000", 0, "ChannelData at offset 0: channel number 0x3FFF outside 0x4000-0x4FFF");
        assertError("50000000", 0, "ChannelData at offset 0: channel number 0x5000 outside 0x4000-0x4FFF");
        assertError("00010000", 0, "ChannelData at offset 0: channel number 0x0001 outside 0x4000-0x4FFF");
        assertThrows(IllegalArgumentException.class, () -> new ChannelData(0x5000, HELLO));
    }

    @Test
    void truncatedMessagesAreRejected() {
        assertError("4001", 0, "ChannelData of 2 bytes is shorter than the 4-byte header");
        assertError("40010005 68656c6c", 2, "ChannelData at offset 2: length 5 exceeds remaining 4 bytes");
    }

    @Test
    void moreThanPaddingAfterTheDataIsRejected() {
        assertError("40010005 68656c6c6f 00000000", 9,
                "ChannelData at offset 9: 4 bytes follow 5 bytes of data, more than the padding to a multiple of 4");
        assertError("40010000 00000000", 4,
                "ChannelData at offset 4: 4 bytes follow 0 bytes of data, more than the padding to a multiple of 4");
    }

    @Test
    void looksLikeChannelDataChecksTheFirstByteRange() {
        assertTrue(ChannelData.looksLikeChannelData(Hex.bytes("40000000"), 0, 4));
        assertTrue(ChannelData.looksLikeChannelData(Hex.bytes("4fff0000"), 0, 4));
        assertFalse(ChannelData.looksLikeChannelData(Hex.bytes("50000000"), 0, 4));
        assertFalse(ChannelData.looksLikeChannelData(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length));
        assertFalse(ChannelData.looksLikeChannelData(Hex.bytes("4000"), 0, 2));
        assertFalse(ChannelData.looksLikeChannelData(Hex.bytes("40000000"), 2, 4));
        assertFalse(ChannelData.looksLikeChannelData(null, 0, 4));
    }

    @Test
    void dataIsCopied() {
        byte[] data = HELLO.clone();
        ChannelData message = new ChannelData(0x4001, data);
        data[0] = 'j';
        message.data()[1] = 'a';
        assertArrayEquals(HELLO, message.data());
    }
}
