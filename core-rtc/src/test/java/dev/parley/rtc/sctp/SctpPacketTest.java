package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.SctpFixtures.HEADER;
import static dev.parley.rtc.sctp.SctpFixtures.assertRejected;
import static dev.parley.rtc.sctp.SctpFixtures.packet;
import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The common header and chunk framing of RFC 9260 §3.1–§3.2, and whole packets as browsers send them. */
class SctpPacketTest {

    /**
     * An INIT laid out as Chromium's SCTP stack sends it over DTLS (built by hand from RFC 9260
     * §3.3.2): ports 5000, tag 0, 65535 streams each way, Forward-TSN-Supported, Zero Checksum
     * Acceptable (RFC 9653, type 0x8001, unknown here) and Supported Extensions [FORWARD TSN,
     * RE-CONFIG] last, whose 2 bytes of padding the chunk length (38) does not count. The checksum
     * bytes were computed apart from this code, with a bit-at-a-time CRC32c.
     */
    private static final String CHROMIUM_INIT = "1388 1388 00000000 952edd71"
            + "01 00 0026 3a2f5c19 00020000 ffff ffff 6e4f21d7"
            + "c000 0004" + "8001 0008 00000001" + "8008 0006 c082 0000";

    @Test
    void chromiumStyleInit() throws SctpParseException {
        byte[] wire = bytes(CHROMIUM_INIT);
        SctpPacket p = SctpPacket.parse(wire);
        assertEquals(5000, p.sourcePort());
        assertEquals(5000, p.destinationPort());
        assertEquals(0, p.verificationTag());
        InitChunk init = (InitChunk) p.chunks().get(0);
        assertEquals(0x3a2f5c19L, init.initiateTag());
        assertEquals(131072, init.receiverWindow());
        assertEquals(65535, init.outboundStreams());
        assertEquals(65535, init.inboundStreams());
        assertEquals(0x6e4f21d7L, init.initialTsn());
        assertTrue(init.forwardTsnSupported());
        assertEquals(Set.of(ForwardTsnChunk.TYPE, ReconfigChunk.TYPE), init.supportedExtensions());
        Parameter zeroChecksum = init.parameters().get(1);
        assertEquals(0x8001, zeroChecksum.type());
        assertEquals(UnrecognizedTypeAction.SKIP, zeroChecksum.action());
        assertEquals(string(wire), string(p.toBytes()));
        assertEquals(p, SctpPacket.of(5000, 5000, 0, new InitChunk(0x3a2f5c19L, 131072, 65535, 65535, 0x6e4f21d7L,
                List.of(Parameter.forwardTsnSupported(), new Parameter(0x8001, bytes("00000001")),
                        Parameter.supportedExtensions(0xC0, 0x82)))));
    }

    @Test
    void bundledChunksAreParsedInOrder() throws SctpParseException {
        // COOKIE ECHO bundled with DATA (RFC 9260 §5.1 D), then a SACK.
        SctpPacket p = SctpPacket.parse(packet("0a 00 0007 010203 00"
                + "00 03 0011 00000001 0000 0000 00000032 03 000000"
                + "03 00 0010 00000000 00010000 0000 0000"));
        assertEquals(List.of(new CookieEchoChunk(bytes("010203")),
                new DataChunk(1, 0, 0, 50, false, true, true, false, bytes("03")),
                new SackChunk(0, 65536, List.of(), List.of())), p.chunks());
    }

    @Test
    void headerFields() throws SctpParseException {
        SctpPacket p = SctpPacket.parse(packet("ffff 0001 ffffffff 00000000", "0b 00 0004"));
        assertEquals(SctpPacket.of(65535, 1, 0xFFFF_FFFFL, new CookieAckChunk()), p);
    }

    @Test
    void lastChunkPaddingMayBeMissingOrShort() throws SctpParseException {
        SctpPacket unpadded = SctpPacket.parse(packet("0a 00 0005 01"));
        assertEquals(List.of(new CookieEchoChunk(bytes("01"))), unpadded.chunks());
        assertEquals(string(packet("0a 00 0005 01 000000")), string(unpadded.toBytes()));
        SctpPacket shortPadding = SctpPacket.parse(packet("0a 00 0005 01 00"));
        assertEquals(unpadded, shortPadding);
    }

    @Test
    void paddingContentIsIgnored() throws SctpParseException {
        SctpPacket p = SctpPacket.parse(packet("0a 00 0005 01 ffffff 0b 00 0004"));
        assertEquals(List.of(new CookieEchoChunk(bytes("01")), new CookieAckChunk()), p.chunks());
    }

    @Test
    void parsesASliceAndCopiesOut() throws SctpParseException {
        byte[] wire = packet("0a 00 0008 01020304");
        byte[] framed = new byte[wire.length + 10];
        System.arraycopy(wire, 0, framed, 3, wire.length);
        SctpPacket p = SctpPacket.parse(framed, 3, wire.length);
        CookieEchoChunk echo = (CookieEchoChunk) p.chunks().get(0);
        framed[3 + 16] = 9; // the parsed value does not share the input
        assertArrayEquals(bytes("01020304"), echo.cookie());
    }

    @Test
    void unknownChunksAreKeptWithTheirAction() throws SctpParseException {
        SctpPacket p = SctpPacket.parse(packet("40 05 0009 0102030405 000000" // I-DATA: 01, stop and report
                + "80 00 0004" // ASCONF-ACK: 10, skip
                + "c1 07 0006 abcd 0000" // ASCONF: 11, skip and report
                + "0c 00 0008 00000001")); // ECNE: 00, stop
        List<Chunk> chunks = p.chunks();
        UnknownChunk idata = (UnknownChunk) chunks.get(0);
        assertEquals(new UnknownChunk(UnknownChunk.I_DATA, 5, bytes("0102030405")), idata);
        assertEquals(UnrecognizedTypeAction.STOP_DISCARD_REPORT, idata.action());
        assertEquals("40050009" + "0102030405", string(idata.encoded()));
        assertEquals(UnrecognizedTypeAction.SKIP, ((UnknownChunk) chunks.get(1)).action());
        assertEquals(UnrecognizedTypeAction.SKIP_REPORT, ((UnknownChunk) chunks.get(2)).action());
        assertEquals(7, ((UnknownChunk) chunks.get(2)).flags());
        assertEquals(UnrecognizedTypeAction.STOP_DISCARD, ((UnknownChunk) chunks.get(3)).action());
        assertEquals(string(packet("40 05 0009 0102030405 000000 80 00 0004 c1 07 0006 abcd 0000 0c 00 0008 00000001")),
                string(p.toBytes()));
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(DataChunk.TYPE, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(256, 0, new byte[0]));
    }

    @Test
    void framingRejections() {
        assertRejected("", "no chunks");
        assertRejected("0b 00", "chunk at offset 12", "2 bytes left, too few for a 4-byte chunk header");
        assertRejected("0b 00 0004 0b", "chunk at offset 16", "1 bytes left");
        assertRejected("0b 00 0002", "chunk type 11 at offset 12", "length 2 is less than its 4-byte header");
        assertRejected("0a 00 0010 0102", "chunk type 10 at offset 12", "length 16 runs past the end of the packet",
                "6 bytes left");
        assertRejected("0b 00 0004 0a 00 0009 01020304", "chunk type 10 at offset 16", "length 9 runs past");
    }

    @Test
    void shortPacketsAndBadRanges() {
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[0]));
        SctpParseException e = assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[11]));
        assertTrue(e.getMessage().contains("shorter than the 12-byte common header"), e.getMessage());
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[20], 10, 11));
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[20], -1, 12));
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[20], 0, -1));
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[20], Integer.MAX_VALUE, 12));
    }

    @Test
    void badChecksumIsRejectedWithBothValues() {
        byte[] wire = packet("0b 00 0004");
        wire[8] ^= 1;
        SctpParseException e = assertThrows(SctpParseException.class, () -> SctpPacket.parse(wire));
        assertTrue(e.getMessage().contains("does not match the CRC32c"), e.getMessage());
    }

    @Test
    void recordChecks() {
        assertThrows(IllegalArgumentException.class, () -> new SctpPacket(5000, 5000, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> SctpPacket.of(65536, 5000, 0, new CookieAckChunk()));
        assertThrows(IllegalArgumentException.class, () -> SctpPacket.of(5000, 5000, -1, new CookieAckChunk()));
        assertThrows(IllegalArgumentException.class, () -> SctpPacket.checksum(new byte[11], 0, 11));
        Chunk foreign = () -> 99;
        assertThrows(IllegalArgumentException.class, () -> SctpPacket.of(1, 1, 1, foreign).toBytes());
    }

    @Test
    void headerConstantMatchesTheFixture() {
        assertEquals(SctpPacket.HEADER_LENGTH, bytes(HEADER).length);
    }
}
