package dev.parley.rtc.sctp;

import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** INIT parameters (RFC 9260 §3.2.1, RFC 3758, RFC 5061) and error causes (RFC 9260 §3.3.10). */
class SctpParametersTest {

    @Test
    void parameterFactories() {
        assertEquals("c0000004", string(Parameter.forwardTsnSupported().encoded()));
        assertEquals("80080006c082", string(Parameter.supportedExtensions(0xC0, 0x82).encoded()));
        assertEquals("00070007aabbcc", string(Parameter.stateCookie(bytes("aabbcc")).encoded()));
        // RFC 9260 §3.3.3.1: the unrecognized parameter, whole, as the value.
        assertEquals("0008000b" + "80010007aabbcc",
                string(Parameter.unrecognized(new Parameter(0x8001, bytes("aabbcc"))).encoded()));
        assertThrows(IllegalArgumentException.class, () -> Parameter.supportedExtensions(256));
    }

    @Test
    void stateCookieFactoryCopies() {
        byte[] cookie = bytes("01");
        Parameter p = Parameter.stateCookie(cookie);
        cookie[0] = 2;
        assertArrayEquals(bytes("01"), p.value());
    }

    @Test
    void actionFromTheTypesTwoHighestBits() {
        assertEquals(UnrecognizedTypeAction.STOP_DISCARD, new Parameter(0x0005, new byte[0]).action());
        assertEquals(UnrecognizedTypeAction.STOP_DISCARD_REPORT, new Parameter(0x4001, new byte[0]).action());
        assertEquals(UnrecognizedTypeAction.SKIP, new Parameter(0x8008, new byte[0]).action());
        assertEquals(UnrecognizedTypeAction.SKIP_REPORT, new Parameter(0xC000, new byte[0]).action());
        assertTrue(UnrecognizedTypeAction.STOP_DISCARD_REPORT.stop() && UnrecognizedTypeAction.STOP_DISCARD_REPORT.report());
        assertTrue(!UnrecognizedTypeAction.SKIP.stop() && !UnrecognizedTypeAction.SKIP.report());
    }

    @Test
    void initAccessors() {
        InitChunk init = new InitChunk(1, 2, 3, 4, 5, List.of(new Parameter(0x8001, bytes("00000001")),
                Parameter.supportedExtensions(0xC0, 0x82), Parameter.supportedExtensions(0x40)));
        assertEquals(Set.of(0xC0, 0x82, 0x40), init.supportedExtensions());
        assertTrue(!init.forwardTsnSupported());
        InitAckChunk ack = new InitAckChunk(1, 2, 3, 4, 5, List.of(Parameter.stateCookie(bytes("01")),
                Parameter.stateCookie(bytes("02")), Parameter.forwardTsnSupported()));
        assertArrayEquals(bytes("01"), ack.stateCookie().orElseThrow());
        assertTrue(ack.forwardTsnSupported());
    }

    @Test
    void parameterEqualityIsByContent() {
        assertEquals(new Parameter(7, bytes("0102")), new Parameter(7, bytes("0102")));
        assertEquals(new Parameter(7, bytes("0102")).hashCode(), new Parameter(7, bytes("0102")).hashCode());
        assertNotEquals(new Parameter(7, bytes("0102")), new Parameter(8, bytes("0102")));
        assertTrue(new Parameter(7, bytes("0102")).toString().contains("0102"));
    }

    @Test
    void parameterRanges() {
        assertThrows(IllegalArgumentException.class, () -> new Parameter(0x10000, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Parameter(1, new byte[Parameter.MAX_VALUE_LENGTH + 1]));
        assertThrows(NullPointerException.class, () -> new Parameter(1, null));
        assertThrows(IllegalArgumentException.class, () -> new InitChunk(1L << 32, 0, 0, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new InitAckChunk(0, 0, 65536, 0, 0, List.of()));
    }

    @Test
    void causeFactoriesFollowTheFigures() {
        assertEquals("0001000800050000", string(ErrorCause.invalidStreamIdentifier(5).encoded()));
        // Count 3, then the types: length 4 + 4 + 3 * 2 = 14.
        assertEquals("0002000e0000000300070009000c", string(ErrorCause.missingMandatoryParameters(7, 9, 12).encoded()));
        assertEquals("0003000800001388", string(ErrorCause.staleCookie(5000).encoded()));
        assertEquals("00040004", string(ErrorCause.outOfResource().encoded()));
        assertEquals("000600094000000401", string(ErrorCause.unrecognizedChunk(bytes("4000000401")).encoded()));
        assertEquals("00070004", string(ErrorCause.invalidMandatoryParameter().encoded()));
        // Two parameters, the first padded before the second: length 4 + 8 + 4 = 16.
        assertEquals("00080010" + "80010005aa000000" + "c0000004",
                string(ErrorCause.unrecognizedParameters(new Parameter(0x8001, bytes("aa")),
                        Parameter.forwardTsnSupported()).encoded()));
        assertEquals("000900080000002a", string(ErrorCause.noUserData(42).encoded()));
        assertEquals("000a0004", string(ErrorCause.cookieReceivedWhileShuttingDown().encoded()));
        assertEquals("000c0006" + "6869", string(ErrorCause.userInitiatedAbort("hi").encoded()));
        assertEquals("000d0004", string(ErrorCause.protocolViolation("").encoded()));
        assertEquals("déjà vu", ErrorCause.protocolViolation("déjà vu").infoText());
    }

    @Test
    void causeEqualityAndRanges() {
        assertEquals(ErrorCause.noUserData(1), new ErrorCause(9, bytes("00000001")));
        assertEquals(ErrorCause.noUserData(1).hashCode(), new ErrorCause(9, bytes("00000001")).hashCode());
        assertThrows(IllegalArgumentException.class, () -> new ErrorCause(-1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> ErrorCause.invalidStreamIdentifier(65536));
        assertThrows(IllegalArgumentException.class, () -> ErrorCause.noUserData(1L << 32));
    }
}
