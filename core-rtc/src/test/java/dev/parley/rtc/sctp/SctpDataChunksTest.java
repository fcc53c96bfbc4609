package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.SctpFixtures.assertRejected;
import static dev.parley.rtc.sctp.SctpFixtures.assertRoundTrip;
import static dev.parley.rtc.sctp.SctpFixtures.packet;
import static dev.parley.rtc.sctp.SctpFixtures.parseOne;
import static dev.parley.rtc.sctp.SctpFixtures.written;
import static dev.parley.rtc.testutil.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DATA (RFC 9260 §3.3.1, RFC 7053), SACK (§3.3.4) and FORWARD TSN (RFC 3758 §3.2) on the wire. */
class SctpDataChunksTest {

    @Test
    void dataFromTheFigure() throws SctpParseException {
        // type 0, flags B|E, length 19, TSN 1, stream 1, SSN 0, PPID 51 (string), "abc", one byte of padding
        DataChunk d = (DataChunk) parseOne("00 03 0013 00000001 0001 0000 00000033 616263 00");
        assertEquals(new DataChunk(1, 1, 0, 51, false, true, true, false, bytes("616263")), d);
        assertEquals(19, d.wireLength());
    }

    @Test
    void dataFlagBits() throws SctpParseException {
        DataChunk all = (DataChunk) parseOne("00 0f 0011 ffffffff ffff ffff ffffffff 7a 000000");
        assertEquals(new DataChunk(0xFFFF_FFFFL, 0xFFFF, 0xFFFF, 0xFFFF_FFFFL, true, true, true, true, bytes("7a")), all);
        DataChunk middle = (DataChunk) parseOne("00 00 0014 00000002 0000 0001 00000035 01020304");
        assertEquals(new DataChunk(2, 0, 1, 53, false, false, false, false, bytes("01020304")), middle);
        assertEquals("00040014000000020000000100000035" + "01020304",
                written(new DataChunk(2, 0, 1, 53, true, false, false, false, bytes("01020304"))));
        assertEquals("00080014000000020000000100000035" + "01020304",
                written(new DataChunk(2, 0, 1, 53, false, false, false, true, bytes("01020304"))));
    }

    @Test
    void dataReservedFlagsAreIgnored() throws SctpParseException {
        SctpPacket p = SctpPacket.parse(packet("00 f3 0011 00000001 0001 0000 00000033 61 000000"));
        assertEquals(new DataChunk(1, 1, 0, 51, false, true, true, false, bytes("61")), p.chunks().get(0));
    }

    @Test
    void dataEqualityComparesUserDataByContent() {
        DataChunk a = new DataChunk(1, 1, 0, 51, false, true, true, false, bytes("616263"));
        DataChunk b = new DataChunk(1, 1, 0, 51, false, true, true, false, bytes("616263"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new DataChunk(1, 1, 0, 51, false, true, true, false, bytes("616264")));
        assertNotEquals(a, new DataChunk(1, 1, 0, 51, false, true, true, true, bytes("616263")));
    }

    @Test
    void dataWithoutUserDataIsReportedWithItsTsn() {
        SctpParseException e = assertRejected("00 03 0010 0000002a 0001 0000 00000033", "no user data", "TSN 42");
        SctpNoUserDataException noData = assertInstanceOf(SctpNoUserDataException.class, e);
        assertEquals(42, noData.tsn());
        assertEquals(SctpFixtures.TAG, noData.verificationTag());
    }

    @Test
    void dataShorterThanItsHeaderIsRejected() {
        assertRejected("00 03 000c 00000001 0001 0000", "DATA chunk at offset 12", "shorter than its 16-byte header");
        assertRejected("00 03 0004", "DATA chunk", "length 4");
    }

    @Test
    void dataTooLargeForItsLengthCannotBeWritten() {
        DataChunk big = new DataChunk(1, 1, 0, 51, false, true, true, false, new byte[0xFFFF - 15]);
        assertThrows(IllegalArgumentException.class, () -> SctpPacket.of(1, 1, 1, big).toBytes());
        DataChunk largest = new DataChunk(1, 1, 0, 51, false, true, true, false, new byte[0xFFFF - 16]);
        assertEquals(12 + 0xFFFF + 1, SctpPacket.of(1, 1, 1, largest).toBytes().length);
    }

    @Test
    void sackFromTheFigure() throws SctpParseException {
        // cumulative TSN ack 16, a_rwnd 65536, one gap block 2..4, one duplicate TSN 18
        SackChunk s = (SackChunk) parseOne("03 00 0018 00000010 00010000 0001 0001 0002 0004 00000012");
        assertEquals(new SackChunk(16, 65536, List.of(new GapAckBlock(2, 4)), List.of(18L)), s);
        SackChunk plain = (SackChunk) parseOne("03 00 0010 fffffffe 00000000 0000 0000");
        assertEquals(new SackChunk(0xFFFF_FFFEL, 0, List.of(), List.of()), plain);
    }

    @Test
    void sackCountsMustMatchItsLength() {
        assertRejected("03 00 000c 00000010 00010000", "SACK chunk at offset 12", "at least 16");
        assertRejected("03 00 0014 00000010 00010000 0001 0001 0002 0004",
                "1 gap ack blocks and 1 duplicate TSNs need length 24", "chunk length is 20");
        assertRejected("03 00 001c 00000010 00010000 0001 0001 0002 0004 00000012 00000013", "need length 24");
    }

    @Test
    void sackGapBlocksMustBeOrderedOffsets() {
        assertRejected("03 00 0014 00000010 00010000 0001 0000 0000 0004", "gap ack block 0 is 0..4");
        assertRejected("03 00 0014 00000010 00010000 0001 0000 0005 0004", "gap ack block 0 is 5..4",
                "1 <= start <= end");
    }

    @Test
    void forwardTsnFromTheFigure() throws SctpParseException {
        ForwardTsnChunk f = (ForwardTsnChunk) parseOne("c0 00 0010 00000064 0002 0005 0007 ffff");
        assertEquals(new ForwardTsnChunk(100, List.of(new ForwardTsnChunk.SkippedStream(2, 5),
                new ForwardTsnChunk.SkippedStream(7, 0xFFFF))), f);
        assertEquals(new ForwardTsnChunk(100, List.of()), parseOne("c0 00 0008 00000064"));
    }

    @Test
    void forwardTsnLengthMustBeWholeStreams() {
        assertRejected("c0 00 0004", "FORWARD TSN chunk at offset 12", "at least 8");
        assertRejected("c0 00 000a 00000064 0002 0000", "length 10 is not 8 plus 4 bytes a skipped stream");
    }

    @Test
    void roundTrips() throws SctpParseException {
        assertRoundTrip(new DataChunk(0, 0, 0, 0, true, false, true, true, new byte[] {0}),
                new DataChunk(7, 65535, 3, 0xFFFF_FFFFL, false, true, false, false, new byte[1200]),
                new SackChunk(5, 1 << 20, List.of(new GapAckBlock(1, 1), new GapAckBlock(3, 65535)),
                        List.of(0L, 0xFFFF_FFFFL)),
                new ForwardTsnChunk(0xFFFF_FFFFL, List.of(new ForwardTsnChunk.SkippedStream(0, 0))));
    }
}
