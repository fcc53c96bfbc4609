package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.SctpFixtures.assertRejected;
import static dev.parley.rtc.sctp.SctpFixtures.assertRoundTrip;
import static dev.parley.rtc.sctp.SctpFixtures.parseOne;
import static dev.parley.rtc.testutil.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.sctp.ReconfigParameter.AddStreamsRequest;
import dev.parley.rtc.sctp.ReconfigParameter.IncomingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.OutgoingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.ReconfigResponse;
import dev.parley.rtc.sctp.ReconfigParameter.SsnTsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.UnknownReconfigParameter;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RE-CONFIG (RFC 6525 §3.1) and its parameters (§4.1–§4.6) on the wire. */
class SctpReconfigChunkTest {

    @Test
    void outgoingResetOfThreeStreams() throws SctpParseException {
        // Parameter length 16 + 2*3 = 22, two bytes of padding that are the chunk's (chunk length 26).
        ReconfigChunk r = (ReconfigChunk) parseOne("82 00 001a 000d 0016 00000001 00000000 00000009 0001 0003 0005 0000");
        assertEquals(ReconfigChunk.of(new OutgoingSsnResetRequest(1, 0, 9, List.of(1, 3, 5))), r);
    }

    @Test
    void outgoingAndIncomingResetTogether() throws SctpParseException {
        // The first parameter (length 18) is padded inside the chunk length: 4 + 20 + 10 = 34.
        ReconfigChunk r = (ReconfigChunk) parseOne("82 00 0022"
                + "000d 0012 00000005 00000004 00000100 0007 0000"
                + "000e 000a 00000006 0007 0000");
        assertEquals(ReconfigChunk.of(new OutgoingSsnResetRequest(5, 4, 256, List.of(7)),
                new IncomingSsnResetRequest(6, List.of(7))), r);
    }

    @Test
    void resetOfAllStreams() throws SctpParseException {
        assertEquals(ReconfigChunk.of(new OutgoingSsnResetRequest(1, 2, 3, List.of())),
                parseOne("82 00 0014 000d 0010 00000001 00000002 00000003"));
        assertEquals(ReconfigChunk.of(new IncomingSsnResetRequest(1, List.of())),
                parseOne("82 00 000c 000e 0008 00000001"));
    }

    @Test
    void responses() throws SctpParseException {
        assertEquals(ReconfigChunk.of(new ReconfigResponse(1, ReconfigResponse.SUCCESS_PERFORMED)),
                parseOne("82 00 0010 0010 000c 00000001 00000001"));
        assertEquals(ReconfigChunk.of(new ReconfigResponse(2, ReconfigResponse.SUCCESS_PERFORMED,
                        OptionalLong.of(0x100), OptionalLong.of(0x200))),
                parseOne("82 00 0018 0010 0014 00000002 00000001 00000100 00000200"));
        ReconfigResponse odd = (ReconfigResponse) ((ReconfigChunk) parseOne("82 00 0010 0010 000c 00000003 ffffffff"))
                .parameters().get(0);
        assertEquals(-1, odd.result());
    }

    @Test
    void ssnTsnResetAndAddStreams() throws SctpParseException {
        assertEquals(ReconfigChunk.of(new SsnTsnResetRequest(3)), parseOne("82 00 000c 000f 0008 00000003"));
        assertEquals(ReconfigChunk.of(new AddStreamsRequest(AddStreamsRequest.OUTGOING, 4, 16)),
                parseOne("82 00 0010 0011 000c 00000004 0010 0000"));
        assertEquals(ReconfigChunk.of(new AddStreamsRequest(AddStreamsRequest.INCOMING, 4, 16)),
                parseOne("82 00 0010 0012 000c 00000004 0010 0000"));
    }

    @Test
    void unknownParametersAreKept() throws SctpParseException {
        assertEquals(ReconfigChunk.of(new UnknownReconfigParameter(0x20, bytes("abcd"))),
                parseOne("82 00 000a 0020 0006 abcd 0000"));
        assertThrows(IllegalArgumentException.class, () -> new UnknownReconfigParameter(13, new byte[0]));
    }

    @Test
    void rejections() {
        assertRejected("82 00 0014 000d 000f 00000001 00000002 000000 00", "Outgoing SSN Reset Request at offset 16",
                "length 15 is not 16 plus 2 bytes a stream");
        assertRejected("82 00 0010 000d 000c 00000001 00000002", "length 12 is not 16 plus 2 bytes a stream");
        assertRejected("82 00 000c 000e 0007 000000 00", "Incoming SSN Reset Request", "length 7");
        assertRejected("82 00 0010 000f 000c 00000003 00000000", "SSN/TSN Reset Request", "length 12, expected 8");
        assertRejected("82 00 0014 0010 0010 00000001 00000001 00000000", "Re-configuration Response",
                "length 16, expected 12 or 20");
        assertRejected("82 00 000c 0011 0008 00000004", "Add Streams Request", "length 8, expected 12");
        assertRejected("82 00 000c 000f 0010 00000003", "RE-CONFIG parameter 0xf at offset 16",
                "runs past the end of its chunk");
    }

    @Test
    void recordsCheckTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> new AddStreamsRequest(16, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new IncomingSsnResetRequest(1, List.of(65536)));
        assertThrows(IllegalArgumentException.class, () -> new SsnTsnResetRequest(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconfigResponse(1, 0, OptionalLong.of(1), OptionalLong.empty()));
    }

    @Test
    void roundTrips() throws SctpParseException {
        assertRoundTrip(
                ReconfigChunk.of(new OutgoingSsnResetRequest(0xFFFF_FFFFL, 0, 7, List.of(0, 65535, 2)),
                        new IncomingSsnResetRequest(1, List.of(9))),
                ReconfigChunk.of(new ReconfigResponse(1, ReconfigResponse.IN_PROGRESS)),
                ReconfigChunk.of(new ReconfigResponse(1, ReconfigResponse.DENIED, OptionalLong.of(0), OptionalLong.of(1))),
                ReconfigChunk.of(new SsnTsnResetRequest(8), new AddStreamsRequest(17, 9, 65535)),
                ReconfigChunk.of(new UnknownReconfigParameter(0xFFFF, bytes("010203"))),
                ReconfigChunk.of());
    }
}
