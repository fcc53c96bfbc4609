package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** DCEP messages (RFC 8832 §5) against bytes laid out by hand from the RFC's figures. */
class DcepMessageTest {

    @Test
    void openWritesTheRfcLayout_andParsesBack() throws Exception {
        DcepMessage.Open open = new DcepMessage.Open(DcepMessage.Open.PARTIAL_RELIABLE_REXMIT
                | DcepMessage.Open.UNORDERED_BIT, 256, 3, "chat", "json");
        byte[] expected = {0x03, (byte) 0x81, 0x01, 0x00, 0, 0, 0, 3, 0, 4, 0, 4,
                'c', 'h', 'a', 't', 'j', 's', 'o', 'n'};
        assertArrayEquals(expected, open.toBytes());
        DcepMessage.Open parsed = (DcepMessage.Open) DcepMessage.parse(expected);
        assertEquals(open, parsed);
        assertFalse(parsed.ordered());
        assertEquals(DcepMessage.Open.PARTIAL_RELIABLE_REXMIT, parsed.reliabilityType());
    }

    @Test
    void ackIsOneByte() throws Exception {
        assertArrayEquals(new byte[] {0x02}, new DcepMessage.Ack().toBytes());
        assertInstanceOf(DcepMessage.Ack.class, DcepMessage.parse(new byte[] {0x02}));
    }

    @Test
    void badMessagesAreParseErrors() {
        assertThrows(SctpParseException.class, () -> DcepMessage.parse(new byte[0]));
        assertThrows(SctpParseException.class, () -> DcepMessage.parse(new byte[] {0x02, 0}));
        assertThrows(SctpParseException.class, () -> DcepMessage.parse(new byte[] {0x07}));
        assertThrows(SctpParseException.class, () -> DcepMessage.parse(new byte[] {0x03, 0, 0, 0}));
        byte[] lengthsPastEnd = {0x03, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 'x'};
        SctpParseException e = assertThrows(SctpParseException.class, () -> DcepMessage.parse(lengthsPastEnd));
        assertTrue(e.getMessage().contains("lengths"), e.getMessage());
        byte[] unknownType = {0x03, 0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThrows(SctpParseException.class, () -> DcepMessage.parse(unknownType));
        byte[] badUtf8 = {0x03, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, (byte) 0xC3};
        assertThrows(SctpParseException.class, () -> DcepMessage.parse(badUtf8));
    }
}
