package dev.parley.rtc.rtp;

import static dev.parley.rtc.rtp.Fixture.hex;
import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RTCP common header, compound packets and the SR/RR/SDES/BYE/APP/XR types (RFC 3550 §6, RFC 3611). */
class RtcpCompoundTest {

    static Stream<Arguments> everyType() {
        return Stream.of(
                Arguments.of(RtcpFixtures.SR, SenderReport.class),
                Arguments.of(RtcpFixtures.SR_WITH_EXTENSION, SenderReport.class),
                Arguments.of(RtcpFixtures.RR, ReceiverReport.class),
                Arguments.of(RtcpFixtures.SDES, SourceDescription.class),
                Arguments.of(RtcpFixtures.BYE, Goodbye.class),
                Arguments.of(RtcpFixtures.APP, ApplicationDefined.class),
                Arguments.of(RtcpFixtures.NACK, GenericNack.class),
                Arguments.of(RtcpFixtures.TWCC, TransportWideCc.class),
                Arguments.of(RtcpFixtures.PLI, PictureLossIndication.class),
                Arguments.of(RtcpFixtures.FIR, FullIntraRequest.class),
                Arguments.of(RtcpFixtures.REMB, Remb.class),
                Arguments.of(RtcpFixtures.XR, ExtendedReport.class),
                Arguments.of(RtcpFixtures.UNKNOWN, UnknownRtcpPacket.class));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyTypeAloneRoundTripsExactly(String fixture, Class<?> type) throws RtpParseException {
        byte[] wire = hex(fixture);
        RtcpCompound compound = RtcpCompound.parse(wire);
        assertEquals(1, compound.packets().size());
        RtcpPacket packet = compound.packets().get(0);
        assertInstanceOf(type, packet);
        assertEquals(string(wire), string(compound.toBytes()));
        assertEquals(string(wire), string(packet.toBytes()));
        assertEquals(wire[1] & 0xFF, packet.packetType());
        assertEquals(compound, RtcpCompound.parse(compound.toBytes()));
    }

    static Stream<Arguments> compounds() {
        return Stream.of(
                Arguments.of("SR+SDES", List.of(RtcpFixtures.SR, RtcpFixtures.SDES)),
                Arguments.of("RR+SDES+BYE", List.of(RtcpFixtures.RR, RtcpFixtures.SDES, RtcpFixtures.BYE)),
                Arguments.of("RR+REMB", List.of(RtcpFixtures.RR, RtcpFixtures.REMB)),
                Arguments.of("SR+XR", List.of(RtcpFixtures.SR, RtcpFixtures.XR)),
                Arguments.of("RR+SDES+NACK+PLI+FIR", List.of(RtcpFixtures.RR, RtcpFixtures.SDES, RtcpFixtures.NACK,
                        RtcpFixtures.PLI, RtcpFixtures.FIR)),
                Arguments.of("SR+SDES+APP+unknown+TWCC", List.of(RtcpFixtures.SR, RtcpFixtures.SDES,
                        RtcpFixtures.APP, RtcpFixtures.UNKNOWN, RtcpFixtures.TWCC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compounds")
    void compoundsRoundTripExactly(String name, List<String> parts) throws RtpParseException {
        byte[] wire = hex(parts.toArray(String[]::new));
        RtcpCompound compound = RtcpCompound.parse(wire);
        assertEquals(parts.size(), compound.packets().size());
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(RtcpCompound.parse(hex(parts.get(i))).packets().get(0), compound.packets().get(i));
        }
        assertEquals(string(wire), string(compound.toBytes()));
    }

    @Test
    void decodesSenderReport() throws RtpParseException {
        SenderReport sr = (SenderReport) single(RtcpFixtures.SR);
        assertEquals(1234, sr.ssrc());
        assertEquals(0xe8775c1a80000000L, sr.ntpTimestamp());
        assertEquals(123456, sr.rtpTimestamp());
        assertEquals(100, sr.packetCount());
        assertEquals(16000, sr.octetCount());
        assertEquals(List.of(new ReportBlock(5678, 16, -2, 65568, 42, 0x5c1a8000L, 65536)), sr.reports());
        assertEquals(0, sr.profileExtension().length);
        assertEquals("cafebabe", string(((SenderReport) single(RtcpFixtures.SR_WITH_EXTENSION)).profileExtension()));
    }

    @Test
    void decodesSdesByeAppAndXr() throws RtpParseException {
        SourceDescription sdes = (SourceDescription) single(RtcpFixtures.SDES);
        assertEquals("abcdefghijklmnop", sdes.cname());
        assertEquals(1, sdes.chunks().get(0).ssrc());

        Goodbye bye = (Goodbye) single(RtcpFixtures.BYE);
        assertEquals(List.of(1234L), bye.ssrcs());
        assertEquals("done", bye.reasonText());

        ApplicationDefined app = (ApplicationDefined) single(RtcpFixtures.APP);
        assertEquals(2, app.subtype());
        assertEquals("PRLY", app.name());
        assertEquals("01020304", string(app.data()));

        ExtendedReport xr = (ExtendedReport) single(RtcpFixtures.XR);
        assertEquals(List.of(
                new ExtendedReport.ReceiverReferenceTime(0xe8775c1a80000000L),
                new ExtendedReport.Dlrr(List.of(new ExtendedReport.SubBlock(5678, 0x5c1a8000L, 0x8000))),
                new ExtendedReport.UnknownBlock(42, 7, bytes("deadbeef"))), xr.blocks());

        UnknownRtcpPacket unknown = (UnknownRtcpPacket) single(RtcpFixtures.UNKNOWN);
        assertEquals(209, unknown.packetType());
        assertEquals(3, unknown.countOrFormat());
        assertEquals("0000000112345678", string(unknown.content()));
    }

    @Test
    void everyTypeBuiltFromValuesParsesBackEqual() throws RtpParseException {
        ReportBlock block = new ReportBlock(0xFFFF_FFFFL, 255, -(1 << 23), 1, 2, 3, 4);
        List<RtcpPacket> packets = List.of(
                new SenderReport(1, -1L, 0xFFFF_FFFFL, 5, 6, List.of(block, block), bytes("00000001")),
                new ReceiverReport(2, List.of(block)),
                new SourceDescription(List.of(
                        new SourceDescription.Chunk(3, List.of(SourceDescription.Item.text(SourceDescription.CNAME, "ab"),
                                SourceDescription.Item.text(SourceDescription.TOOL, "parley"))),
                        new SourceDescription.Chunk(4, List.of()))),
                Goodbye.of(List.of(5L, 6L), "bye"),
                Goodbye.of(List.of(), ""),
                new ApplicationDefined(31, 7, "abcd", bytes("0102030405060708")),
                GenericNack.of(8, 9, List.of(65535, 0, 3, 40)),
                TransportWideCc.of(10, 11, -5, 255, List.of(TransportWideCc.PacketStatus.received(65534, 1),
                        TransportWideCc.PacketStatus.notReceived(65535),
                        TransportWideCc.PacketStatus.received(0, -300))),
                new PictureLossIndication(12, 13),
                new FullIntraRequest(14, 0, List.of(new FullIntraRequest.Entry(15, 255), new FullIntraRequest.Entry(16, 0))),
                Remb.of(17, 3_000_000_000L, List.of(18L, 19L)),
                new ExtendedReport(20, List.of(new ExtendedReport.ReceiverReferenceTime(21),
                        new ExtendedReport.Dlrr(List.of(new ExtendedReport.SubBlock(22, 23, 24),
                                new ExtendedReport.SubBlock(25, 26, 27))))),
                new UnknownRtcpPacket(195, 31, bytes("0a0b0c0d")));
        RtcpCompound built = RtcpCompound.of(packets, 8);
        byte[] wire = built.toBytes();
        assertEquals(wire.length, built.length());
        RtcpCompound parsed = RtcpCompound.parse(wire);
        assertEquals(packets, parsed.packets());
        assertEquals(built, parsed);
        assertEquals(string(wire), string(parsed.toBytes()));
        for (RtcpPacket p : packets) {
            assertEquals(List.of(p), RtcpCompound.parse(p.toBytes()).packets(), p.toString());
        }
    }

    @Test
    void byeWithoutReasonDiffersFromEmptyReason() throws RtpParseException {
        assertEquals("81cb000100000005", string(Goodbye.of(List.of(5L), null).toBytes()));
        assertEquals("81cb00020000000500000000", string(Goodbye.of(List.of(5L), "").toBytes()));
        assertNull(((Goodbye) RtcpCompound.parse(bytes("81cb000100000005")).packets().get(0)).reason());
    }

    @Test
    void sdesItemListEndingOnAWordStillGetsFourNullOctets() {
        // 2 + 2 item bytes end on the word: RFC 3550 §6.5 still needs a null octet, so a whole word of them.
        SourceDescription sdes = SourceDescription.cname(1, "ab");
        assertEquals("81ca0003" + "00000001" + "01026162" + "00000000", string(sdes.toBytes()));
    }

    @Test
    void paddingOnTheLastPacketIsStrippedAndKept() throws RtpParseException {
        // RR without blocks, then a PLI with P=1 and 4 bytes of padding (count included).
        byte[] wire = bytes("80c90001 00000001" + "a1ce0003 00000001 000004d2 00000004");
        RtcpCompound compound = RtcpCompound.parse(wire);
        assertEquals(new PictureLossIndication(1, 1234), compound.packets().get(1));
        assertEquals(4, compound.paddingLength());
        assertEquals(string(wire), string(compound.toBytes()));
    }

    @Test
    void rejectsPaddingBitOnAPacketThatIsNotLast() {
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtcpCompound.parse(bytes("a0c90002 00000001 00000004" + "81ce0002 00000001 000004d2")));
        assertEquals("RTCP packet at offset 0: padding bit set on a packet that is not the last of the compound",
                e.getMessage());
    }

    @Test
    void reducedSizeLonePliParsesButIsNotAFullCompound() throws RtpParseException {
        RtcpCompound pli = RtcpCompound.parse(hex(RtcpFixtures.PLI));
        assertEquals(List.of(new PictureLossIndication(1, 1234)), pli.packets());
        assertFalse(pli.isValidFullCompound());
    }

    @Test
    void fullCompoundNeedsReportFirstAndACname() throws RtpParseException {
        assertTrue(parse(RtcpFixtures.SR, RtcpFixtures.SDES).isValidFullCompound());
        assertTrue(parse(RtcpFixtures.RR, RtcpFixtures.SDES, RtcpFixtures.BYE).isValidFullCompound());
        assertFalse(parse(RtcpFixtures.RR, RtcpFixtures.REMB).isValidFullCompound(), "no SDES CNAME");
        assertFalse(parse(RtcpFixtures.SDES, RtcpFixtures.RR).isValidFullCompound(), "SDES first");
    }

    @Test
    void rejectsLengthOverrunningTheDatagram() {
        byte[] wire = hex(RtcpFixtures.RR, "81c90007 00000001");
        RtpParseException e = assertThrows(RtpParseException.class, () -> RtcpCompound.parse(wire));
        assertEquals("RTCP packet at offset 32: length 7 words exceeds remaining 4 bytes", e.getMessage());
        assertEquals(32, e.offset());
    }

    @Test
    void rejectsBadHeaders() {
        assertMessage("RTCP packet at offset 0: empty", "");
        assertMessage("RTCP packet at offset 0: version 3, expected 2", "c0c90001 00000001");
        assertMessage("RTCP packet at offset 8: header needs 4 bytes, only 2 remain", "80c90001 00000001 80c9");
        assertMessage("RTCP padding count at offset 7: 5 is not within 1..4", "a0c90001 00000005");
        assertMessage("RTCP padding count at offset 7: 0 is not within 1..4", "a0c90001 00000000");
    }

    @Test
    void rejectsMalformedContent() {
        assertMessage("RR with 1 report blocks at offset 8: needs 24 bytes, only 4 remain", "81c90002 00000001 00000000");
        assertMessage("RTCP PictureLossIndication at offset 0: 4 unexpected bytes after its content at offset 12",
                "81ce0003 00000001 00000002 00000000");
        assertMessage("SDES chunk 0 item type (the list must end with a null octet) at offset 12: needs 1 bytes,"
                + " only 0 remain", "81ca0002 00000001 01026162");
        assertMessage("BYE reason at offset 9: needs 9 bytes, only 3 remain", "81cb0002 00000001 09616263");
        assertMessage("XR block type 4 body of 3 words at offset 12: needs 12 bytes, only 8 remain",
                "80cf0004 00000001 04000003 00000000 00000000");
        assertMessage("XR RRTR block at offset 8: length 1 words, expected 2", "80cf0003 00000001 04000001 00000000");
        assertMessage("REMB with 2 SSRCs at offset 20: needs 8 bytes, only 4 remain",
                "8fce0005 00000001 00000000 52454d42 020bd090 000004d2");
    }

    @Test
    void argumentRangeOutsideTheArrayIsAParseError() {
        assertThrows(RtpParseException.class, () -> RtcpCompound.parse(new byte[4], 2, 4));
        assertThrows(RtpParseException.class, () -> RtpPacket.parse(new byte[4], -1, 2));
    }

    private static void assertMessage(String expected, String hex) {
        RtpParseException e = assertThrows(RtpParseException.class, () -> RtcpCompound.parse(bytes(hex)));
        assertEquals(expected, e.getMessage());
    }

    static RtcpPacket single(String fixture) throws RtpParseException {
        return RtcpCompound.parse(hex(fixture)).packets().get(0);
    }

    private static RtcpCompound parse(String... fixtures) throws RtpParseException {
        return RtcpCompound.parse(hex(fixtures));
    }
}
