package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import org.junit.jupiter.api.Test;

/** Malformed STUN messages: each is a StunParseException that says what and where. */
class StunParseErrorsTest {
    private static final String TRANSACTION_ID = "b7e7a701bc34d686fa87dfae";

    /** A Binding request around the given attribute bytes, with a correct length field. */
    private static byte[] binding(String attributesHex) {
        byte[] attributes = Hex.bytes(attributesHex);
        return Hex.bytes(String.format("0001 %04x 2112a442 %s %s", attributes.length, TRANSACTION_ID,
                Hex.string(attributes)));
    }

    private static StunParseException fails(byte[] raw) {
        return assertThrows(StunParseException.class, () -> StunMessage.parse(raw));
    }

    private static void assertError(byte[] raw, int offset, String message) {
        StunParseException e = fails(raw);
        assertEquals(message, e.getMessage());
        assertEquals(offset, e.offset());
        assertFalse(raw.length >= 20 && StunMessage.looksLikeStun(raw, 0, raw.length) && offset < 20,
                "looksLikeStun must reject what fails the header checks");
    }

    @Test
    void truncatedHeader() {
        assertError(Hex.bytes("0001 0000 2112a442 b7e7a701"), 0,
                "STUN message of 12 bytes is shorter than the 20-byte header");
        assertError(new byte[0], 0, "STUN message of 0 bytes is shorter than the 20-byte header");
    }

    @Test
    void topTwoBitsSet() {
        byte[] raw = binding("");
        raw[0] = (byte) 0x80;
        assertError(raw, 0, "STUN header at offset 0: first two bits must be zero (first byte 0x80)");
    }

    @Test
    void badMagicCookie() {
        byte[] raw = binding("");
        raw[7] = 0x43;
        assertError(raw, 4, "STUN header at offset 4: magic cookie 0x2112A443, expected 0x2112A442");
    }

    @Test
    void lengthNotMultipleOfFour() {
        byte[] raw = Hex.bytes("0001 0002 2112a442 " + TRANSACTION_ID + " 0000");
        assertError(raw, 2, "STUN header at offset 2: length 2 is not a multiple of 4");
    }

    @Test
    void lengthDisagreesWithBytesPresent() {
        assertError(Hex.bytes("0001 0008 2112a442 " + TRANSACTION_ID + " 80220000"), 2,
                "STUN header at offset 2: length 8 but 4 bytes follow the header");
        assertError(Hex.bytes("0001 0000 2112a442 " + TRANSACTION_ID + " 80220000"), 2,
                "STUN header at offset 2: length 0 but 4 bytes follow the header");
    }

    @Test
    void attributeLengthOverrunsMessage() {
        assertError(binding("0020 000c 0001a147"), 20,
                "STUN attribute 0x0020 at offset 20: length 12 exceeds remaining 4 bytes");
        assertError(binding("80220000 8022 0005 41424344"), 24,
                "STUN attribute 0x8022 at offset 24: length 5 exceeds remaining 4 bytes");
    }

    @Test
    void badAddressFamily() {
        assertError(binding("0020 0008 0003a147 e112a643"), 20,
                "STUN attribute 0x0020 (XOR-MAPPED-ADDRESS) at offset 20: unknown address family 0x03");
        assertError(binding("0001 0008 0000a147 e112a643"), 20,
                "STUN attribute 0x0001 (MAPPED-ADDRESS) at offset 20: unknown address family 0x00");
    }

    @Test
    void xorMappedAddressWithWrongLength() {
        assertError(binding("0020 000c 0001a147 e112a643 00000000"), 20,
                "STUN attribute 0x0020 (XOR-MAPPED-ADDRESS) at offset 20: length 12, expected 8");
        assertError(binding("0020 0008 0002a147 e112a643"), 20,
                "STUN attribute 0x0020 (XOR-MAPPED-ADDRESS) at offset 20: length 8, expected 20");
        assertError(binding("0020 0002 0001 0000"), 20,
                "STUN attribute 0x0020 (XOR-MAPPED-ADDRESS) at offset 20: length 2 is too short for an address");
    }

    @Test
    void errorCodeClassOutOfRange() {
        assertError(binding("0009 0004 00000700"), 20,
                "STUN attribute 0x0009 (ERROR-CODE) at offset 20: error class 7 outside 3..6");
        assertError(binding("0009 0004 00000200"), 20,
                "STUN attribute 0x0009 (ERROR-CODE) at offset 20: error class 2 outside 3..6");
        assertError(binding("0009 0004 00000464"), 20,
                "STUN attribute 0x0009 (ERROR-CODE) at offset 20: error number 100 outside 0..99");
        assertError(binding("0009 0002 0000 0000"), 20,
                "STUN attribute 0x0009 (ERROR-CODE) at offset 20: length 2 is shorter than the 4-byte code");
    }

    @Test
    void fixedLengthAttributesWithTheWrongLength() {
        assertError(binding("0024 0002 0000 0000"), 20,
                "STUN attribute 0x0024 (PRIORITY) at offset 20: length 2, expected 4");
        assertError(binding("0025 0004 00000000"), 20,
                "STUN attribute 0x0025 (USE-CANDIDATE) at offset 20: length 4, expected 0");
        assertError(binding("802a 0004 00000000"), 20,
                "STUN attribute 0x802A (ICE-CONTROLLING) at offset 20: length 4, expected 8");
        assertError(binding("0008 0004 00000000"), 20,
                "STUN attribute 0x0008 (MESSAGE-INTEGRITY) at offset 20: length 4, expected 20");
        assertError(binding("001c 000c 00000000 00000000 00000000"), 20,
                "STUN attribute 0x001C (MESSAGE-INTEGRITY-SHA256) at offset 20: length 12, expected 16..32 in steps of 4");
        assertError(binding("8028 0008 00000000 00000000"), 20,
                "STUN attribute 0x8028 (FINGERPRINT) at offset 20: length 8, expected 4");
        assertError(binding("0018 0002 8000 0000"), 20,
                "STUN attribute 0x0018 (EVEN-PORT) at offset 20: length 2, expected 1");
        assertError(binding("000a 0003 000100 00"), 20,
                "STUN attribute 0x000A (UNKNOWN-ATTRIBUTES) at offset 20: length 3 is not a whole number of 16-bit types");
    }

    @Test
    void textThatIsNotUtf8() {
        assertError(binding("0006 0002 c328 0000"), 20,
                "STUN attribute 0x0006 (USERNAME) at offset 20: value is not valid UTF-8");
        // An encoded UTF-16 surrogate (CESU-8) is not UTF-8 either.
        assertError(binding("8022 0003 eda080 00"), 20,
                "STUN attribute 0x8022 (SOFTWARE) at offset 20: value is not valid UTF-8");
    }

    @Test
    void errorOffsetsCountFromTheStartOfTheMessageInsideALargerBuffer() {
        byte[] message = binding("80220000 0024 0002 0000 0000");
        byte[] buf = new byte[message.length + 10];
        System.arraycopy(message, 0, buf, 5, message.length);
        StunParseException e = assertThrows(StunParseException.class, () -> StunMessage.parse(buf, 5, message.length));
        assertEquals(24, e.offset());
        assertTrue(e.getMessage().startsWith("STUN attribute 0x0024 (PRIORITY) at offset 24"), e.getMessage());
    }

    @Test
    void looksLikeStunNeverThrowsOnBadBounds() {
        byte[] raw = binding("");
        assertTrue(StunMessage.looksLikeStun(raw, 0, raw.length));
        assertFalse(StunMessage.looksLikeStun(raw, 0, raw.length + 4));
        assertFalse(StunMessage.looksLikeStun(raw, -1, raw.length));
        assertFalse(StunMessage.looksLikeStun(raw, 4, raw.length));
        assertFalse(StunMessage.looksLikeStun(raw, Integer.MAX_VALUE, 20));
        assertFalse(StunMessage.looksLikeStun(null, 0, 20));
    }

    @Test
    void looksLikeStunRejectsOtherProtocolsOnTheSameSocket() {
        // RFC 7983 demultiplexing: DTLS (first byte 20..63), RTP (128..191), ChannelData (64..79).
        // A DTLS 1.2 handshake record header: its first byte has the top two bits clear too,
        // so the cookie is what tells them apart.
        byte[] dtls = Hex.bytes("16 fefd 0000 000000000000 0010 01 00000c 0000 000000 00000c");
        assertFalse(StunMessage.looksLikeStun(dtls, 0, dtls.length));
        byte[] rtp = binding("");
        rtp[0] = (byte) 0x80;
        assertFalse(StunMessage.looksLikeStun(rtp, 0, rtp.length));
        byte[] channelData = Hex.bytes("4000 0010 2112a442 " + TRANSACTION_ID);
        assertFalse(StunMessage.looksLikeStun(channelData, 0, channelData.length));
    }
}
