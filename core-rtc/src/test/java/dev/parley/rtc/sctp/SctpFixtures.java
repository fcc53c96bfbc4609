package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import java.util.Arrays;
import java.util.List;

/** Packets written by hand in hex: a common header from ports 5000 to 5000 around chunk bytes. */
final class SctpFixtures {
    /** Source 5000, destination 5000, verification tag 0x01020304, checksum to be filled in. */
    static final String HEADER = "1388 1388 01020304 00000000";
    static final long TAG = 0x01020304L;

    private SctpFixtures() {}

    /** The packet with this header and chunk hex, its checksum filled in. */
    static byte[] packet(String headerHex, String chunksHex) {
        byte[] p = Hex.bytes(headerHex + chunksHex);
        fixChecksum(p);
        return p;
    }

    /** A packet with {@link #HEADER} and these chunk bytes. */
    static byte[] packet(String chunksHex) {
        return packet(HEADER, chunksHex);
    }

    static void fixChecksum(byte[] p) {
        int crc = SctpPacket.checksum(p, 0, p.length);
        for (int i = 0; i < 4; i++) {
            p[8 + i] = (byte) (crc >>> (8 * i));
        }
    }

    /** The one chunk of a hand-written packet; checks the packet writes back to the same bytes. */
    static Chunk parseOne(String chunkHex) throws SctpParseException {
        byte[] wire = packet(chunkHex);
        SctpPacket p = SctpPacket.parse(wire);
        assertEquals(1, p.chunks().size(), p.toString());
        assertEquals(Hex.string(wire), Hex.string(p.toBytes()), "writes back to the same bytes");
        return p.chunks().get(0);
    }

    /** The chunk's bytes as {@link SctpPacket#toBytes()} writes them, padding included. */
    static String written(Chunk c) {
        byte[] b = SctpPacket.of(5000, 5000, TAG, c).toBytes();
        return Hex.string(Arrays.copyOfRange(b, SctpPacket.HEADER_LENGTH, b.length));
    }

    /** Writes and parses back {@code chunks}, asserting value equality. */
    static void assertRoundTrip(Chunk... chunks) throws SctpParseException {
        SctpPacket p = new SctpPacket(5000, 5001, 0xFFFF_FFFFL, List.of(chunks));
        byte[] wire = p.toBytes();
        assertEquals(0, wire.length % 4, "chunks are padded to 4 bytes");
        SctpPacket again = SctpPacket.parse(wire);
        assertEquals(p, again);
        assertEquals(p.hashCode(), again.hashCode());
        assertEquals(Hex.string(wire), Hex.string(again.toBytes()));
    }

    /** Parsing the packet with these chunks fails with a message containing each fragment. */
    static SctpParseException assertRejected(String chunksHex, String... fragments) {
        byte[] wire = packet(chunksHex);
        SctpParseException e = assertThrows(SctpParseException.class, () -> SctpPacket.parse(wire));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
        return e;
    }
}
