package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes, with the CRC32c put right in bytes 8..11 so the fuzzer gets past the checksum:
 * {@link SctpPacket#parse} returns a packet or throws {@link SctpParseException}, nothing else.
 * A parsed packet writes to bytes that parse to an equal packet and write again to the same
 * bytes; the written length is the input's rounded up to 4 (only a missing last padding is
 * added; padding counted inside a chunk length moves outside it). The bytes as given, checksum
 * and all, also parse or throw only {@link SctpParseException}.
 * Seeds: {@code SctpPacketFuzzTestInputs/parseWriteParse/}.
 */
class SctpPacketFuzzTest {

    @FuzzTest
    void parseWriteParse(byte[] data) {
        try {
            SctpPacket.parse(data);
        } catch (SctpParseException expected) {
            // bad bytes: the only failure a parser may report
        }
        byte[] input = data.clone();
        if (input.length >= SctpPacket.HEADER_LENGTH) {
            int crc = SctpPacket.checksum(input, 0, input.length);
            for (int i = 0; i < 4; i++) {
                input[8 + i] = (byte) (crc >>> (8 * i));
            }
        }
        SctpPacket packet;
        try {
            packet = SctpPacket.parse(input);
        } catch (SctpParseException expected) {
            return;
        }
        byte[] written = packet.toBytes();
        assertEquals((input.length + 3) & ~3, written.length);
        SctpPacket again = reparse(written);
        assertEquals(packet, again);
        assertEquals(packet.hashCode(), again.hashCode());
        assertArrayEquals(written, again.toBytes());
    }

    private static SctpPacket reparse(byte[] bytes) {
        try {
            return SctpPacket.parse(bytes);
        } catch (SctpParseException e) {
            return fail("written packet does not parse: " + e.getMessage(), e);
        }
    }
}
