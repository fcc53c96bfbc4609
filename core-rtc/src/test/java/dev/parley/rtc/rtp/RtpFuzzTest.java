package dev.parley.rtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * RTP parsing on arbitrary bytes: either a packet or an {@link RtpParseException}; a packet writes
 * back to the same bytes (padding content aside, which is written as zeros) and parses back equal.
 * Seeds: {@code RtpFuzzTestInputs/fuzz/}.
 */
class RtpFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) throws RtpParseException {
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(data);
        } catch (RtpParseException expected) {
            return;
        }
        byte[] written = packet.toBytes();
        assertEquals(data.length, written.length);
        RtpPacket again = RtpPacket.parse(written); // a written packet must parse: any exception is a finding
        assertEquals(packet, again);
        assertArrayEquals(written, again.toBytes());
        if (paddingIsZeros(data, packet.paddingLength())) {
            assertArrayEquals(data, written);
        }
        RtpHeaderExtension ext = packet.extension();
        if (ext != null) {
            for (RtpHeaderExtension.Element e : ext.elements()) {
                assertNotNull(packet.extensionElement(e.id()));
            }
        }
    }

    /** RFC 3550 §5.1 padding is written as zeros and the count; other padding content is not kept. */
    private static boolean paddingIsZeros(byte[] data, int padding) {
        for (int i = data.length - padding; i < data.length - 1; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
