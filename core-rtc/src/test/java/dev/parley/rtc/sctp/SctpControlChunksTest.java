package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.SctpFixtures.assertRejected;
import static dev.parley.rtc.sctp.SctpFixtures.assertRoundTrip;
import static dev.parley.rtc.sctp.SctpFixtures.packet;
import static dev.parley.rtc.sctp.SctpFixtures.parseOne;
import static dev.parley.rtc.sctp.SctpFixtures.written;
import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The handshake, heartbeat, error and shutdown chunks of RFC 9260 §3.3.2–§3.3.13 on the wire. */
class SctpControlChunksTest {
    private static final String INIT_FIXED = "aabbccdd 00010000 000a 0400 00000001";

    @Test
    void initWithoutParameters() throws SctpParseException {
        InitChunk init = (InitChunk) parseOne("01 00 0014 " + INIT_FIXED);
        assertEquals(new InitChunk(0xAABBCCDDL, 65536, 10, 1024, 1, List.of()), init);
        assertFalse(init.forwardTsnSupported());
        assertEquals(Set.of(), init.supportedExtensions());
    }

    @Test
    void zeroTagAndZeroStreamsAreNotParseErrors() throws SctpParseException {
        // RFC 9260 §3.3.2 forbids them, but it is the association that answers them with an ABORT.
        InitChunk init = (InitChunk) parseOne("01 00 0014 00000000 00000000 0000 0000 00000000");
        assertEquals(new InitChunk(0, 0, 0, 0, 0, List.of()), init);
    }

    @Test
    void initAckPadsEveryParameterButTheLastInsideItsLength() throws SctpParseException {
        // State Cookie of 5 bytes (length 9, 3 bytes padding counted by the chunk), then Forward-TSN-Supported.
        InitAckChunk ack = (InitAckChunk) parseOne("02 00 0024 " + INIT_FIXED
                + "0007 0009 0102030405 000000" + "c000 0004");
        assertArrayEquals(bytes("0102030405"), ack.stateCookie().orElseThrow());
        assertTrue(ack.forwardTsnSupported());
        assertEquals(List.of(Parameter.stateCookie(bytes("0102030405")), Parameter.forwardTsnSupported()),
                ack.parameters());
        // The last parameter's padding is the chunk's: not counted in the chunk length (0x1f = 31).
        InitAckChunk other = (InitAckChunk) parseOne("02 00 001f " + INIT_FIXED
                + "c000 0004" + "0007 0007 010203 00");
        assertArrayEquals(bytes("010203"), other.stateCookie().orElseThrow());
    }

    @Test
    void lastParameterPaddingInsideTheChunkLengthIsAccepted() throws SctpParseException {
        InitAckChunk counted = (InitAckChunk) SctpPacket.parse(packet("02 00 0020 " + INIT_FIXED
                + "c000 0004" + "0007 0007 010203 00")).chunks().get(0);
        InitAckChunk uncounted = (InitAckChunk) parseOne("02 00 001f " + INIT_FIXED
                + "c000 0004" + "0007 0007 010203 00");
        assertEquals(uncounted, counted);
    }

    @Test
    void initAckWithoutCookieParses() throws SctpParseException {
        InitAckChunk ack = (InitAckChunk) parseOne("02 00 0014 " + INIT_FIXED);
        assertTrue(ack.stateCookie().isEmpty());
    }

    @Test
    void initRejections() {
        assertRejected("01 00 0010 aabbccdd 00010000 000a 0400", "INIT chunk at offset 12", "length 16",
                "at least 20");
        assertRejected("02 00 0018 " + INIT_FIXED + "c000 0002", "INIT ACK parameter 0xc000 at offset 32",
                "length 2 is less than its 4-byte header");
        assertRejected("01 00 0018 " + INIT_FIXED + "0007 0008", "INIT parameter 0x7 at offset 32",
                "runs past the end of its chunk");
        assertRejected("01 00 0016 " + INIT_FIXED + "0007 00", "INIT parameter at offset 32",
                "2 bytes left, too few for its 4-byte header");
    }

    @Test
    void heartbeatCarriesItsInfoValue() throws SctpParseException {
        HeartbeatChunk hb = (HeartbeatChunk) parseOne("04 00 000b 0001 0007 aabbcc 00");
        assertArrayEquals(bytes("aabbcc"), hb.info());
        assertEquals(new HeartbeatAckChunk(bytes("aabbcc")), parseOne("05 00 000b 0001 0007 aabbcc 00"));
        // Info padding counted in the chunk length is accepted too.
        SctpPacket padded = SctpPacket.parse(packet("04 00 000c 0001 0007 aabbcc 00"));
        assertEquals(hb, padded.chunks().get(0));
        assertEquals(new HeartbeatChunk(new byte[0]), parseOne("04 00 0008 0001 0004"));
    }

    @Test
    void heartbeatRejections() {
        assertRejected("04 00 0004", "HEARTBEAT chunk at offset 12", "at least 8");
        assertRejected("04 00 0008 0002 0004", "HEARTBEAT chunk", "parameter type 2, expected Heartbeat Info (1)");
        assertRejected("05 00 0010 0001 0006 aabb 0000 00000000", "HEARTBEAT ACK chunk",
                "Heartbeat Info length 6 does not fill the chunk value of 12 bytes");
        assertRejected("04 00 000c 0001 0010 aabbccdd", "Heartbeat Info length 16");
        assertRejected("04 00 000c 0001 0003 aabbccdd", "Heartbeat Info length 3");
    }

    @Test
    void abortWithTheTBitAndAReason() throws SctpParseException {
        AbortChunk abort = (AbortChunk) parseOne("06 01 000b 000c 0007 627965 00");
        assertEquals(new AbortChunk(true, List.of(ErrorCause.userInitiatedAbort("bye"))), abort);
        assertEquals("bye", abort.causes().get(0).infoText());
        assertEquals(new AbortChunk(false, List.of()), parseOne("06 00 0004"));
        assertEquals("06000004", written(AbortChunk.of()));
    }

    @Test
    void errorWithTwoCauses() throws SctpParseException {
        ErrorChunk error = (ErrorChunk) parseOne("09 00 0014 0001 0008 0005 0000 0009 0008 0000002a");
        assertEquals(ErrorChunk.of(ErrorCause.invalidStreamIdentifier(5), ErrorCause.noUserData(42)), error);
        // A cause of odd length is padded before the next one, and its padding is counted.
        ErrorChunk odd = (ErrorChunk) parseOne("09 00 0010 000d 0005 78 000000 0004 0004");
        assertEquals(ErrorChunk.of(ErrorCause.protocolViolation("x"), ErrorCause.outOfResource()), odd);
    }

    @Test
    void causeRejections() {
        assertRejected("09 00 0008 0004 0003", "error cause 0x4 at offset 16", "length 3 is less than its 4-byte header");
        assertRejected("06 00 0008 000c 0010", "error cause 0xc at offset 16", "runs past the end of its chunk");
    }

    @Test
    void shutdownFamily() throws SctpParseException {
        assertEquals(new ShutdownChunk(42), parseOne("07 00 0008 0000002a"));
        assertEquals(new ShutdownAckChunk(), parseOne("08 00 0004"));
        assertEquals(new ShutdownCompleteChunk(true), parseOne("0e 01 0004"));
        assertEquals(new ShutdownCompleteChunk(false), parseOne("0e 00 0004"));
    }

    @Test
    void reservedFlagsAreIgnoredAndWrittenAsZero() throws SctpParseException {
        SctpPacket p = SctpPacket.parse(packet("07 ff 0008 0000002a" + "0e fe 0004" + "06 ff 0004"));
        assertEquals(List.of(new ShutdownChunk(42), new ShutdownCompleteChunk(false), new AbortChunk(true, List.of())),
                p.chunks());
        assertEquals("070000080000002a" + "0e000004" + "06010004",
                string(p.toBytes()).substring(2 * SctpPacket.HEADER_LENGTH));
    }

    @Test
    void fixedLengthChunksRejectOtherLengths() {
        assertRejected("07 00 000c 0000002a 00000000", "SHUTDOWN chunk at offset 12", "length 12, exactly 8 expected");
        assertRejected("07 00 0004", "SHUTDOWN chunk", "length 4, exactly 8 expected");
        assertRejected("08 00 0008 00000000", "SHUTDOWN ACK chunk", "exactly 4 expected");
        assertRejected("0b 00 0008 00000000", "COOKIE ACK chunk", "exactly 4 expected");
        assertRejected("0e 00 0005 00 000000", "SHUTDOWN COMPLETE chunk", "exactly 4 expected");
    }

    @Test
    void cookieEchoAndAck() throws SctpParseException {
        CookieEchoChunk echo = (CookieEchoChunk) parseOne("0a 00 0009 0102030405 000000");
        assertEquals(new CookieEchoChunk(bytes("0102030405")), echo);
        assertEquals(new CookieEchoChunk(new byte[0]), parseOne("0a 00 0004"));
        assertEquals(new CookieAckChunk(), parseOne("0b 00 0004"));
    }

    @Test
    void roundTrips() throws SctpParseException {
        assertRoundTrip(
                new InitChunk(1, 2, 3, 4, 5, List.of(Parameter.forwardTsnSupported(),
                        Parameter.supportedExtensions(0xC0, 0x82), new Parameter(0x8001, bytes("00000001")))),
                new InitAckChunk(0xFFFF_FFFFL, 0xFFFF_FFFFL, 65535, 65535, 0xFFFF_FFFFL,
                        List.of(Parameter.stateCookie(new byte[301]), new Parameter(0x4123, bytes("ab")))),
                new HeartbeatChunk(bytes("0102")), new HeartbeatAckChunk(new byte[9]),
                new AbortChunk(true, List.of(ErrorCause.protocolViolation("bad"), ErrorCause.staleCookie(1000))),
                ErrorChunk.of(ErrorCause.unrecognizedChunk(bytes("4000000401")), ErrorCause.missingMandatoryParameters(7)),
                new ShutdownChunk(0xFFFF_FFFFL), new ShutdownAckChunk(), new ShutdownCompleteChunk(true),
                new CookieEchoChunk(bytes("0a0b0c")), new CookieAckChunk());
    }
}
