package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a DCEP message (RFC 8832): {@link DcepMessage#parse} returns a message or throws
 * {@link SctpParseException}, nothing else; a parsed message writes to the same bytes and parses
 * to an equal message. Seeds: {@code DcepMessageFuzzTestInputs/parseWriteParse/}.
 */
class DcepMessageFuzzTest {

    @FuzzTest
    void parseWriteParse(byte[] data) {
        DcepMessage message;
        try {
            message = DcepMessage.parse(data);
        } catch (SctpParseException expected) {
            return;
        }
        byte[] written = message.toBytes();
        assertArrayEquals(data, written, "UTF-8 that decodes strictly re-encodes to the same bytes");
        try {
            assertEquals(message, DcepMessage.parse(written));
        } catch (SctpParseException e) {
            fail("written message does not parse: " + e.getMessage(), e);
        }
    }
}
