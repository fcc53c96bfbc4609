package dev.parley.rtc.rtp;

import static dev.parley.rtc.rtp.Fixture.hex;
import static dev.parley.rtc.rtp.RtcpCompoundTest.single;
import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.rtp.TransportWideCc.PacketStatus;
import dev.parley.rtc.rtp.TransportWideCc.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RTCP feedback: generic NACK, TWCC, PLI, FIR, REMB (RFC 4585, RFC 5104, the REMB and TWCC drafts). */
class RtcpFeedbackTest {

    /** The shape Chromium sends as a video receiver: RR, SDES with a 16-character CNAME, REMB. */
    static final String CHROMIUM_RR_SDES_REMB = """
            81 c9 00 07   RR, 1 report block
            00 00 00 01   SSRC of packet sender (Chromium uses 1 for a receive-only side)
            4c 6f 3a 21   report block: media SSRC
            00 00 00 00   fraction lost 0, cumulative lost 0
            00 01 a2 b3   extended highest sequence
            00 00 00 0f   jitter 15
            e1 f6 a3 c0   LSR
            00 00 4e 20   DLSR
            81 ca 00 06   SDES, 1 chunk
            00 00 00 01   SSRC
            01 10         CNAME, 16 bytes: "4hT/3SDmAk9lKqxB"
            34 68 54 2f 33 53 44 6d 41 6b 39 6c 4b 71 78 42
            00 00         end of items, padding
            8f ce 00 06   PSFB FMT 15 (AFB)
            00 00 00 01   SSRC of packet sender
            00 00 00 00   media SSRC 0
            52 45 4d 42   "REMB"
            02 12 62 5a   2 SSRCs, exp 4, mantissa 156250: 2 500 000 bps
            4c 6f 3a 21   SSRC 1
            4c 6f 3a 22   SSRC 2
            """;

    @Test
    void chromiumShapedCompound() throws RtpParseException {
        byte[] wire = hex(CHROMIUM_RR_SDES_REMB);
        RtcpCompound compound = RtcpCompound.parse(wire);
        assertTrue(compound.isValidFullCompound());
        List<RtcpPacket> p = compound.packets();
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, p.get(0));
        assertEquals(1, rr.ssrc());
        assertEquals(new ReportBlock(0x4c6f3a21L, 0, 0, 0x1a2b3L, 15, 0xe1f6a3c0L, 20000), rr.reports().get(0));
        assertEquals("4hT/3SDmAk9lKqxB", assertInstanceOf(SourceDescription.class, p.get(1)).cname());
        Remb remb = assertInstanceOf(Remb.class, p.get(2));
        assertEquals(2_500_000L, remb.bitrateBps());
        assertEquals(List.of(0x4c6f3a21L, 0x4c6f3a22L), remb.ssrcs());
        assertEquals(string(wire), string(compound.toBytes()));
    }

    @Test
    void nackExpandsPidAndBitmask() throws RtpParseException {
        GenericNack nack = (GenericNack) single(RtcpFixtures.NACK);
        assertEquals(1, nack.senderSsrc());
        assertEquals(1234, nack.mediaSsrc());
        assertEquals(List.of(new GenericNack.Entry(100, 0x0005)), nack.entries());
        assertEquals(List.of(100, 101, 103), nack.lostSequenceNumbers());
    }

    @Test
    void nackBuiltFromLostNumbersPacksAcrossTheWrap() {
        GenericNack nack = GenericNack.of(1, 2, List.of(65530, 65531, 65535, 0, 9, 10, 30, 30));
        // 65530 + bits for 65531 (1), 65535 (5), 0 (6), 9 (15), 10 (16); 30 starts a new entry.
        assertEquals(List.of(new GenericNack.Entry(65530, 0b1100_0000_0011_0001), new GenericNack.Entry(30, 0)),
                nack.entries());
        assertEquals(List.of(65530, 65531, 65535, 0, 9, 10, 30), nack.lostSequenceNumbers());
        assertEquals("81cd0004 00000001 00000002 fffac031 001e0000".replace(" ", ""), string(nack.toBytes()));
    }

    @Test
    void twccDecodesEveryChunkKindAndDeltaSize() throws RtpParseException {
        TransportWideCc twcc = (TransportWideCc) single(RtcpFixtures.TWCC);
        assertEquals(1, twcc.senderSsrc());
        assertEquals(1234, twcc.mediaSsrc());
        assertEquals(10, twcc.baseSequenceNumber());
        assertEquals(26, twcc.packetStatusCount());
        assertEquals(0x123456, twcc.referenceTime());
        assertEquals(0x123456L * 64_000, twcc.referenceTimeMicros());
        assertEquals(7, twcc.feedbackPacketCount());
        assertEquals(3, twcc.chunkCount());

        List<PacketStatus> expected = new ArrayList<>();
        int[] smallDeltas = {1, 2, 3, 4, 255};
        for (int i = 0; i < 5; i++) {
            expected.add(new PacketStatus(10 + i, Status.RECEIVED_SMALL_DELTA, smallDeltas[i]));
        }
        expected.add(new PacketStatus(15, Status.RECEIVED_LARGE_DELTA, -100));
        expected.add(PacketStatus.notReceived(16));
        expected.add(PacketStatus.received(17, 5));
        expected.add(PacketStatus.received(18, 6));
        expected.add(PacketStatus.notReceived(19));
        expected.add(PacketStatus.notReceived(20));
        expected.add(PacketStatus.received(21, 7));
        expected.add(PacketStatus.received(22, 8));
        expected.add(PacketStatus.notReceived(23));
        expected.add(PacketStatus.received(24, 9));
        expected.add(PacketStatus.received(25, 10));
        for (int seq = 26; seq <= 34; seq++) {
            expected.add(PacketStatus.notReceived(seq));
        }
        expected.add(PacketStatus.received(35, 11));
        assertEquals(expected, twcc.packets());
        assertEquals(-25_000, twcc.packets().get(5).deltaMicros());
        assertEquals(63_750, twcc.packets().get(4).deltaMicros());
    }

    @Test
    void twccWithStatusCountBeyondTheDeltasIsRejected() {
        // The TWCC fixture without its last row of deltas: 4 received packets have no delta.
        String truncated = RtcpFixtures.TWCC.replace("8f cd 00 09", "8f cd 00 08")
                .replace("08 09 0a 0b   small deltas of 22, 24, 25, 35", "");
        RtpParseException e = assertThrows(RtpParseException.class, () -> RtcpCompound.parse(hex(truncated)));
        assertEquals("TWCC receive delta of packet 12 (of status count 26) at offset 36: needs 1 bytes, only 0 remain",
                e.getMessage());
    }

    @Test
    void twccWithChunksEndingBeforeTheStatusCountIsRejected() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtcpCompound.parse(bytes("afcd0005 00000001 00000002 00000020 00000001 2005 0002")));
        assertEquals("TWCC packet chunk at offset 22: chunks end after 5 of 32 packet statuses", e.getMessage());
    }

    @Test
    void twccReservedSymbolIsRejected() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtcpCompound.parse(bytes("8fcd0005 00000001 00000002 00000001 00000001 6001 0000")));
        assertEquals("TWCC packet chunk at offset 20: reserved status symbol 3 for packet 0", e.getMessage());
    }

    @Test
    void twccOffTheWordRoundTripsWithZeroFillOrLibwebrtcPadding() throws RtpParseException {
        // One packet, small delta 10: content is 19 bytes. Zero fill to the word, or P=1 with count 1.
        String body = "00000001 000004d2 0005 0001 000000 01 2001 0a";
        for (String hex : List.of("8fcd0005 " + body + " 00", "afcd0005 " + body + " 01")) {
            byte[] wire = bytes(hex);
            RtcpCompound compound = RtcpCompound.parse(wire);
            TransportWideCc twcc = (TransportWideCc) compound.packets().get(0);
            assertEquals(List.of(PacketStatus.received(5, 10)), twcc.packets());
            assertEquals(string(wire), string(compound.toBytes()));
        }
    }

    @Test
    void twccBuiltFromStatusesPicksCompactChunks() throws RtpParseException {
        List<PacketStatus> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(PacketStatus.notReceived(65530 + i & 0xFFFF));
        }
        statuses.add(PacketStatus.received(65550 & 0xFFFF, 4));
        for (int i = 0; i < 14; i++) { // alternating: a one-bit vector
            int seq = 65551 + i & 0xFFFF;
            statuses.add(i % 2 == 0 ? PacketStatus.received(seq, i) : PacketStatus.notReceived(seq));
        }
        statuses.add(PacketStatus.received(65565 & 0xFFFF, 1000)); // large: a two-bit vector
        statuses.add(PacketStatus.notReceived(65566 & 0xFFFF));
        TransportWideCc twcc = TransportWideCc.of(1, 2, 3, 4, statuses);
        // A run of 20 "not received"; 14 symbols of 0/1 as a one-bit vector (1 1 0 1 0 1 …);
        // the last 3 (0, large, 0) need a two-bit vector.
        assertArrayEquals(new int[] {0x0014, 0x8000 | 0b11_0101_0101_0101, 0xC000 | 0b00_10_00 << 8}, twcc.chunks());

        TransportWideCc parsed = (TransportWideCc) RtcpCompound.parse(twcc.toBytes()).packets().get(0);
        assertEquals(statuses, parsed.packets());
        assertEquals(twcc, parsed);
        assertEquals(65530, parsed.baseSequenceNumber());
    }

    @Test
    void twccBuilderRejectsGapsAndOutOfRangeDeltas() {
        assertThrows(IllegalArgumentException.class,
                () -> TransportWideCc.of(1, 2, 0, 0, List.of(PacketStatus.notReceived(1), PacketStatus.notReceived(3))));
        assertThrows(IllegalArgumentException.class, () -> PacketStatus.received(1, 40_000));
        assertThrows(IllegalArgumentException.class, () -> new PacketStatus(1, Status.RECEIVED_SMALL_DELTA, -1));
    }

    @Test
    void pliAndFirDecode() throws RtpParseException {
        assertEquals(new PictureLossIndication(1, 1234), single(RtcpFixtures.PLI));
        FullIntraRequest fir = (FullIntraRequest) single(RtcpFixtures.FIR);
        assertEquals(1, fir.senderSsrc());
        assertEquals(List.of(new FullIntraRequest.Entry(1234, 7)), fir.entries());
    }

    @Test
    void rembDecodesAndEncodesBitrates() throws RtpParseException {
        Remb remb = (Remb) single(RtcpFixtures.REMB);
        assertEquals(2, remb.exponent());
        assertEquals(250_000, remb.mantissa());
        assertEquals(1_000_000, remb.bitrateBps());

        assertEquals(hex(RtcpFixtures.REMB).length, Remb.of(1, 1_000_000, List.of(1234L)).toBytes().length);
        assertEquals(string(hex(RtcpFixtures.REMB)), string(Remb.of(1, 1_000_000, List.of(1234L)).toBytes()));
        assertEquals(262_143, Remb.of(1, 262_143, List.of()).bitrateBps()); // fits the mantissa: exponent 0
        assertEquals(0, Remb.of(1, 262_143, List.of()).exponent());
        assertEquals(262_144, Remb.of(1, 262_145, List.of()).bitrateBps()); // rounds down
        assertEquals(Long.MAX_VALUE, new Remb(1, 0, 63, 0x3FFFF, List.of()).bitrateBps());
        assertEquals(0x3FFFFL << 45, new Remb(1, 0, 45, 0x3FFFF, List.of()).bitrateBps());
    }

    @Test
    void afbOtherThanRembStaysRaw() throws RtpParseException {
        byte[] wire = bytes("8fce0003 00000001 00000000 41424344");
        RtcpPacket p = RtcpCompound.parse(wire).packets().get(0);
        assertEquals(new UnknownRtcpPacket(206, 15, bytes("00000001 00000000 41424344".replace(" ", ""))), p);
    }
}
