package dev.parley.rtc.rtp;

import static dev.parley.rtc.rtp.Fixture.hex;
import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RTP fixed header, CSRCs, padding and header extensions (RFC 3550 §5.1, §5.3.1; RFC 8285). */
class RtpPacketTest {
    static final String PLAIN = """
            80 e0 04 d2   V=2 P=0 X=0 CC=0, M=1 PT=96, seq 1234
            00 01 e2 40   timestamp 123456
            de ad be ef   SSRC
            01 02 03 04 05   payload
            """;
    static final String CSRCS = """
            82 08 ff ff   CC=2, M=0 PT=8, seq 65535
            ff ff ff ff   timestamp 2^32-1
            00 00 00 01   SSRC
            00 00 00 0a   CSRC 10
            80 00 00 00   CSRC 2^31
            aa bb
            """;
    static final String PADDING = """
            a0 6f 00 01   P=1, PT=111, seq 1
            00 00 00 02   timestamp 2
            00 00 00 03   SSRC
            11 22 33      payload
            00 00 00 04   padding: 3 zero bytes and the count 4
            """;
    static final String ONE_BYTE_EXT = """
            90 60 00 07   X=1, PT=96, seq 7
            00 00 00 08   timestamp 8
            00 00 00 09   SSRC
            be de 00 03   RFC 8285 one-byte profile, 3 words
            10 30         id 1 (mid), 1 byte: "0"
            00            padding byte between elements
            32 12 34 56   id 3 (abs-send-time), 3 bytes
            51 00 01      id 5 (transport-wide seq), 2 bytes
            00 00         padding to the word
            ca fe         payload
            """;
    static final String TWO_BYTE_EXT = """
            90 60 00 07
            00 00 00 08
            00 00 00 09
            10 03 00 02   RFC 8285 two-byte profile with appbits 3, 2 words
            01 02 aa bb   id 1, 2 bytes
            00            padding byte
            10 00         id 16, 0 bytes (only the two-byte form allows both)
            00            padding
            ca fe
            """;
    static final String UNKNOWN_PROFILE_EXT = """
            90 60 00 07
            00 00 00 08
            00 00 00 09
            12 34 00 01   profile 0x1234, 1 word
            ca fe ba be   kept raw
            de ad
            """;

    @ParameterizedTest
    @ValueSource(strings = {PLAIN, CSRCS, PADDING, ONE_BYTE_EXT, TWO_BYTE_EXT, UNKNOWN_PROFILE_EXT})
    void roundTripsExactly(String fixture) throws RtpParseException {
        byte[] wire = hex(fixture);
        RtpPacket packet = RtpPacket.parse(wire);
        assertEquals(string(wire), string(packet.toBytes()));
        assertEquals(wire.length, packet.length());
        assertEquals(packet, RtpPacket.parse(packet.toBytes()));
    }

    @Test
    void parsesFixedHeader() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(PLAIN));
        assertTrue(p.marker());
        assertEquals(96, p.payloadType());
        assertEquals(1234, p.sequenceNumber());
        assertEquals(123456, p.timestamp());
        assertEquals(0xdeadbeefL, p.ssrc());
        assertEquals(0, p.csrcCount());
        assertNull(p.extension());
        assertEquals(12, p.headerLength());
        assertEquals("0102030405", string(p.payload()));
        assertEquals(0, p.paddingLength());
    }

    @Test
    void parsesCsrcsAndUnsignedMaxima() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(CSRCS));
        assertFalse(p.marker());
        assertEquals(8, p.payloadType());
        assertEquals(65535, p.sequenceNumber());
        assertEquals(0xFFFF_FFFFL, p.timestamp());
        assertArrayEquals(new long[] {10, 0x8000_0000L}, p.csrcs());
        assertEquals("aabb", string(p.payload()));
    }

    @Test
    void stripsPaddingAndKeepsItsLength() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(PADDING));
        assertEquals("112233", string(p.payload()));
        assertEquals(4, p.paddingLength());
    }

    @Test
    void readsOneByteElementsAcrossPadding() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(ONE_BYTE_EXT));
        assertTrue(p.extension().isOneByte());
        assertEquals("30", string(p.extensionElement(1)));
        assertEquals("123456", string(p.extensionElement(3)));
        assertEquals("0001", string(p.extensionElement(5)));
        assertNull(p.extensionElement(2));
        assertEquals(List.of(1, 3, 5), p.extension().elements().stream().map(RtpHeaderExtension.Element::id).toList());
        assertEquals("cafe", string(p.payload()));
    }

    @Test
    void readsTwoByteElementsAndKeepsAppBits() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(TWO_BYTE_EXT));
        assertTrue(p.extension().isTwoByte());
        assertEquals(0x1003, p.extension().profile());
        assertEquals("aabb", string(p.extensionElement(1)));
        assertArrayEquals(new byte[0], p.extensionElement(16));
    }

    @Test
    void keepsUnknownProfileRaw() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(UNKNOWN_PROFILE_EXT));
        assertEquals(0x1234, p.extension().profile());
        assertEquals("cafebabe", string(p.extension().data()));
        assertEquals(List.of(), p.extension().elements());
        assertNull(p.extensionElement(1));
    }

    @Test
    void id15EndsOneByteParsing() throws RtpParseException {
        // RFC 8285 §4.2: elements after id 15 are not considered, its length is ignored.
        RtpPacket p = RtpPacket.parse(bytes("90 00 00 00  00000000 00000000  bede0001  10 41 ff 22"));
        assertEquals(1, p.extension().elements().size());
        assertEquals("41", string(p.extensionElement(1)));
        assertEquals("900000000000000000000000bede00011041ff22", string(p.toBytes()));
    }

    @Test
    void builtPacketsParseBackEqual() throws RtpParseException {
        RtpPacket built = RtpPacket.builder()
                .marker(true).payloadType(100).sequenceNumber(65000).timestamp(0xFFFF_FFF0L).ssrc(0xCAFEBABEL)
                .csrcs(1, 2, 3).extensionElement(1, "a".getBytes()).extensionElement(3, bytes("010203"))
                .payload(bytes("000102030405060708"), 2, 5).paddingLength(3).build();
        byte[] wire = built.toBytes();
        RtpPacket parsed = RtpPacket.parse(wire);
        assertEquals(built, parsed);
        assertEquals(built.hashCode(), parsed.hashCode());
        assertEquals("0203040506", string(parsed.payload()));
        assertEquals(0xb3, wire[0] & 0xFF, "V=2, P, X, CC=3");
        assertEquals("000003", string(java.util.Arrays.copyOfRange(wire, wire.length - 3, wire.length)));
    }

    @Test
    void builtExtensionMatchesRfc8285Layout() {
        RtpPacket p = RtpPacket.builder().sequenceNumber(1).extensionElement(5, bytes("0001")).build();
        // 0xBEDE, 1 word; id 5 with L=1 (two bytes), then one zero padding byte.
        assertEquals("9000000100000000" + "00000000" + "bede0001" + "51000100", string(p.toBytes()));
    }

    @Test
    void setsElementsByIdAndSwitchesToTwoByteWhenNeeded() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(ONE_BYTE_EXT));
        RtpPacket seq = p.withExtensionElement(5, bytes("abcd"));
        assertEquals("abcd", string(seq.extensionElement(5)));
        assertEquals("123456", string(seq.extensionElement(3)));
        assertTrue(seq.extension().isOneByte());
        assertEquals(p.payloadBuffer(), seq.payloadBuffer());

        RtpPacket big = p.withExtensionElement(20, new byte[17]);
        assertTrue(big.extension().isTwoByte());
        assertEquals("30", string(big.extensionElement(1)));
        assertEquals(17, big.extensionElement(20).length);
        assertEquals(big, RtpPacket.parse(big.toBytes()));

        RtpPacket none = p.withoutExtensionElement(1).withoutExtensionElement(3).withoutExtensionElement(5);
        assertNull(none.extension());
        assertEquals(12 + 2, none.length());
    }

    @Test
    void withMethodsChangeOneField() throws RtpParseException {
        RtpPacket p = RtpPacket.parse(hex(PLAIN));
        RtpPacket q = p.withSequenceNumber(7).withTimestamp(9).withSsrc(11).withPayloadType(0).withMarker(false);
        assertEquals("8000000700000009" + "0000000b" + "0102030405", string(q.toBytes()));
    }

    @Test
    void payloadIsAReadOnlyViewOfTheParsedArray() throws RtpParseException {
        byte[] wire = hex(PLAIN);
        RtpPacket p = RtpPacket.parse(wire);
        ByteBuffer view = p.payloadBuffer();
        assertEquals(5, view.remaining());
        assertEquals(1, view.get(0));
        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 9));
        // No copy was made: this is why the caller must hand the array over (class javadoc).
        wire[12] = 9;
        assertEquals(9, p.payloadBuffer().get(0));
        assertEquals(9, p.payload()[0]);
    }

    @Test
    void parsesASubrangeWithOffsetsRelativeToIt() throws RtpParseException {
        byte[] wire = hex(PLAIN);
        byte[] datagram = new byte[wire.length + 6];
        System.arraycopy(wire, 0, datagram, 3, wire.length);
        RtpPacket p = RtpPacket.parse(datagram, 3, wire.length);
        assertEquals(RtpPacket.parse(wire), p);
        byte[] out = new byte[p.length() + 2];
        assertEquals(wire.length, p.writeTo(out, 2));
        assertEquals(string(wire), string(java.util.Arrays.copyOfRange(out, 2, out.length)));
    }

    @Test
    void rejectsTruncatedHeader() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("80 60 00 01 00 00 00 02 00 00 00")));
        assertEquals("RTP fixed header at offset 0: needs 12 bytes, only 11 remain", e.getMessage());
    }

    @Test
    void rejectsVersionOtherThanTwo() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("40 60 00 01 00 00 00 02 00 00 00 03")));
        assertEquals("RTP header at offset 0: version 1, expected 2", e.getMessage());
    }

    @Test
    void rejectsCsrcCountOverrunningThePacket() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("83 60 00 01 00 00 00 02 00 00 00 03  00 00 00 04 00 00 00 05")));
        assertEquals("RTP CSRC list at offset 12: CSRC count 3 needs 12 bytes, only 8 remain", e.getMessage());
        assertEquals(12, e.offset());
    }

    @Test
    void rejectsExtensionLengthOverrunningThePacket() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("90 60 00 01 00 00 00 02 00 00 00 03  be de 00 02  10 30 00 00")));
        assertEquals("RTP header extension at offset 12: length 2 words needs 8 bytes, only 4 remain", e.getMessage());
    }

    @Test
    void rejectsExtensionElementOverrunningTheExtension() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("90 60 00 01 00 00 00 02 00 00 00 03  be de 00 01  10 30 23 00")));
        assertEquals("header extension element id 2 at offset 18: length 4 overruns the extension by 3 bytes",
                e.getMessage());
    }

    @Test
    void rejectsPaddingCountLargerThanPayload() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("a0 60 00 01 00 00 00 02 00 00 00 03  aa bb 00 05")));
        assertEquals("RTP padding count at offset 15: 5 is not within 1..4 (bytes after the header)", e.getMessage());
    }

    @Test
    void rejectsZeroPaddingCountAndPaddingWithoutBytes() {
        assertThrows(RtpParseException.class, () -> RtpPacket.parse(bytes("a0 60 00 01 00 00 00 02 00 00 00 03 aa 00")));
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtpPacket.parse(bytes("a0 60 00 01 00 00 00 02 00 00 00 03")));
        assertTrue(e.getMessage().contains("P bit set but no bytes after the header"), e.getMessage());
    }

    @Test
    void builderRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.builder().payloadType(128));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.builder().sequenceNumber(65536));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.builder().timestamp(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.builder().csrcs(new long[16]));
    }
}
