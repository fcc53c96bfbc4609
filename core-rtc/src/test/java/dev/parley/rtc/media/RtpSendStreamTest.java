package dev.parley.rtc.media;

import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.rtp.RtpHeaderExtension;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Numbering of outgoing packets (RFC 3550 §5.1) and header extension elements (RFC 8285, RFC 8843). */
class RtpSendStreamTest {
    private static final byte[] PAYLOAD = {9, 8, 7};

    @Test
    void sequenceNumbersCountUpAndWrapAt65536() {
        RtpSendStream stream = new RtpSendStream(0x1234_5678L, 8000, 65534, 0);
        int[] seqs = new int[4];
        for (int i = 0; i < 4; i++) {
            seqs[i] = stream.packetize(0, 160L * i, false, PAYLOAD).sequenceNumber();
        }
        assertArrayEquals(new int[] {65534, 65535, 0, 1}, seqs);
        assertEquals(2, stream.nextSequenceNumber());
    }

    @Test
    void timestampsAreMediaTimePlusTheOffsetModulo2To32() {
        RtpSendStream stream = new RtpSendStream(1, 8000, 0, 0xFFFF_FF00L);
        assertEquals(0xFFFF_FF00L, stream.packetize(0, 0, false, PAYLOAD).timestamp());
        assertEquals(0xFFFF_FFA0L, stream.packetize(0, 160, false, PAYLOAD).timestamp());
        assertEquals(0x40L, stream.packetize(0, 320, false, PAYLOAD).timestamp(), "wrapped past 2^32");
        assertEquals(0xFFFF_FF00L + 1, stream.rtpTimestamp(1L << 32 | 1), "media time past 2^32 wraps too");
    }

    @Test
    void headerFieldsAndPayloadAreWhatWasAskedFor() throws RtpParseException {
        RtpSendStream stream = new RtpSendStream(0xCAFE_BABEL, 90000, 100, 5);
        byte[] payload = PAYLOAD.clone();
        RtpPacket packet = stream.packetize(96, 3000, true, payload);
        payload[0] = 0; // the packet holds its own copy

        RtpPacket parsed = RtpPacket.parse(packet.toBytes());
        assertEquals(0xCAFE_BABEL, parsed.ssrc());
        assertEquals(96, parsed.payloadType());
        assertTrue(parsed.marker());
        assertEquals(100, parsed.sequenceNumber());
        assertEquals(3005, parsed.timestamp());
        assertArrayEquals(PAYLOAD, parsed.payload());
        assertNull(parsed.extension());
    }

    @Test
    void theMidExtensionElementIsWrittenInTheOneByteForm() throws RtpParseException {
        RtpSendStream stream = new RtpSendStream(1, 48000, 0, 0);
        stream.setMid(3, "a1");

        byte[] wire = stream.packetize(111, 960, false, PAYLOAD).toBytes();

        // X bit set; profile 0xBEDE, 1 word; element byte 0x31: id 3, L = 1 (length − 1: two bytes) "a1", one byte of padding.
        assertEquals(0x90, wire[0] & 0xFF);
        assertEquals("bede0001" + "31" + "6131" + "00", string(Arrays.copyOfRange(wire, 12, 20)));
        RtpPacket parsed = RtpPacket.parse(wire);
        assertArrayEquals("a1".getBytes(StandardCharsets.US_ASCII), parsed.extensionElement(3));
        assertArrayEquals(PAYLOAD, parsed.payload());
    }

    @Test
    void extensionElementsCanBeReplacedAndRemoved() {
        RtpSendStream stream = new RtpSendStream(1, 48000, 0, 0);
        stream.setExtensionElement(1, new byte[] {1});
        stream.setExtensionElement(2, new byte[] {2, 2});
        stream.setExtensionElement(1, new byte[] {5});

        RtpPacket both = stream.packetize(111, 0, false, PAYLOAD);
        assertArrayEquals(new byte[] {5}, both.extensionElement(1));
        assertArrayEquals(new byte[] {2, 2}, both.extensionElement(2));
        assertEquals(RtpHeaderExtension.ONE_BYTE_PROFILE, both.extension().profile());

        stream.removeExtensionElement(1);
        stream.removeExtensionElement(2);
        assertNull(stream.packetize(111, 960, false, PAYLOAD).extension(), "no element left: no extension");
    }

    @Test
    void initialNumbersAreRandomAndTheSequenceStartsBelow2To15() {
        SecureRandom random = new SecureRandom();
        Set<Long> offsets = new HashSet<>();
        Set<Integer> seqs = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            RtpSendStream stream = new RtpSendStream(i, 8000, random);
            assertTrue(stream.nextSequenceNumber() < 1 << 15, "initial sequence " + stream.nextSequenceNumber());
            offsets.add(stream.timestampOffset());
            seqs.add(stream.nextSequenceNumber());
        }
        assertTrue(offsets.size() > 45 && seqs.size() > 40, offsets.size() + " offsets, " + seqs.size() + " sequence numbers");
    }

    @Test
    void rejectsNumbersNoStreamCanHave() {
        assertThrows(IllegalArgumentException.class, () -> new RtpSendStream(1L << 32, 8000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendStream(1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendStream(1, 8000, 65536, 0));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendStream(1, 8000, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendStream(1, 8000, 0, 0).setMid(1, ""));
    }
}
