package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dcsctp may offer the zero checksum extension (RFC 9653: Zero Checksum Acceptable parameter
 * 0x8001 with an error detection method) in its INIT. Parley does not implement it, so it must not
 * accept it: the parameter is skipped without a report (its type's upper bits are 10, RFC 9260
 * §3.2.1), the INIT ACK does not echo it, every packet we send carries a CRC32c, and a packet of
 * the peer with a zero checksum is dropped.
 */
class SctpZeroChecksumTest {
    /** RFC 9653 §5.1: Zero Checksum Acceptable, error detection method 1 (DTLS, RFC 9653 §7.2). */
    private static final Parameter ZERO_CHECKSUM_ACCEPTABLE = new Parameter(0x8001, new byte[] {0, 0, 0, 1});

    @Test
    void zeroChecksumAcceptable_inThePeersInit_isIgnored_andWeKeepChecksumming() {
        ScriptedPeer p = new ScriptedPeer();
        p.receive(0, new InitChunk(ScriptedPeer.PEER_TAG, 1 << 20, 65_535, 65_535, ScriptedPeer.PEER_INITIAL_TSN,
                List.of(Parameter.forwardTsnSupported(),
                        Parameter.supportedExtensions(SctpHandshake.RECONFIG_TYPE, ForwardTsnChunk.TYPE),
                        ZERO_CHECKSUM_ACCEPTABLE)));
        InitAckChunk initAck = p.only(InitAckChunk.class); // parsed, so its CRC32c was right
        List<Integer> types = initAck.parameters().stream().map(Parameter::type).toList();
        assertFalse(types.contains(0x8001), "the INIT ACK does not accept zero checksums: " + types);
        assertFalse(types.contains(Parameter.UNRECOGNIZED_PARAMETER), "skipped without a report: " + types);
        p.localTag = initAck.initiateTag();
        p.receive(new CookieEchoChunk(initAck.stateCookie().orElseThrow()));
        p.only(CookieAckChunk.class);
        p.assertUp();

        // A DATA packet of the peer with the checksum field zero: not for us, dropped unseen.
        long tsn = p.nextTsn();
        byte[] zeroed = new SctpPacket(ScriptedPeer.PORT, ScriptedPeer.PORT, p.localTag,
                List.of(p.data(tsn, 1, 0, "unchecked"))).toBytes();
        zeroed[8] = zeroed[9] = zeroed[10] = zeroed[11] = 0;
        long malformedBefore = p.association.counters().malformedPackets();
        p.executor.execute(() -> p.association.onPacket(zeroed));
        p.clock.runPending();
        assertEquals(malformedBefore + 1, p.association.counters().malformedPackets());
        assertTrue(p.messages.isEmpty());
        assertTrue(p.takeSent().isEmpty(), "no SACK for a packet that was dropped");

        // The same DATA with its CRC32c is taken and acknowledged.
        p.receive(p.data(tsn, 1, 0, "checked"));
        assertEquals(1, p.messages.size());
        assertTrue(p.runUntilSent(Duration.ofSeconds(1)), "a SACK, at the latest when the delayed-ack timer fires");
        assertEquals(tsn, p.only(SackChunk.class).cumulativeTsnAck());
    }
}
