package dev.parley.rtc.sctp;

import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The CRC32c of RFC 9260 §6.8 and Appendix A (the CRC of RFC 3309, shared with iSCSI) and where
 * its bytes go: the 32-bit value least significant byte first in bytes 8..11.
 */
class SctpChecksumTest {

    /** RFC 3720 §B.4 lists the CRC bytes in transmission order, which is SCTP's order too. */
    @Test
    void rfc3720Vectors() {
        byte[] ones = new byte[32];
        byte[] up = new byte[32];
        byte[] down = new byte[32];
        for (int i = 0; i < 32; i++) {
            ones[i] = (byte) 0xFF;
            up[i] = (byte) i;
            down[i] = (byte) (31 - i);
        }
        assertEquals("aa36918a", leBytes(crc32c(new byte[32])));
        assertEquals("43aba862", leBytes(crc32c(ones)));
        assertEquals("4e79dd46", leBytes(crc32c(up)));
        assertEquals("5cdb3f11", leBytes(crc32c(down)));
        // 32 zero bytes have zeros in the checksum field already: the packet checksum is the plain CRC.
        assertEquals("aa36918a", leBytes(SctpPacket.checksum(new byte[32], 0, 32)));
    }

    /** The check value of the CRC-32C catalogue entry: "123456789" gives 0xE3069283. */
    @Test
    void catalogueCheckValue() {
        assertEquals(0xE3069283, crc32c("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(0xE3069283, bitwise("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /**
     * An INIT as Scapy (an independent SCTP implementation) writes it, from its regression tests:
     * ports and tag zero, one IPv4 address parameter, checksum bytes 40 2c 0b 5f.
     */
    @Test
    void independentlyWrittenInit() throws SctpParseException {
        byte[] wire = bytes("0000 0000 00000000 402c0b5f"
                + "01 00 001c 00000000 00000000 0000 0000 00000000"
                + "0005 0008 7f000001");
        SctpPacket p = SctpPacket.parse(wire);
        InitChunk init = (InitChunk) p.chunks().get(0);
        assertEquals(List.of(new Parameter(Parameter.IPV4_ADDRESS, bytes("7f000001"))), init.parameters());
        assertEquals(string(wire), string(p.toBytes()));
        assertEquals(0x5f0b2c40, SctpPacket.checksum(wire, 0, wire.length));
    }

    /** java.util.zip.CRC32C agrees with a bit-at-a-time CRC written from the RFC's description. */
    @Test
    void agreesWithBitwiseCrcOnRandomPackets() {
        Random random = new Random(9260);
        for (int n = 0; n < 200; n++) {
            byte[] p = new byte[12 + random.nextInt(300)];
            random.nextBytes(p);
            byte[] zeroed = p.clone();
            zeroed[8] = zeroed[9] = zeroed[10] = zeroed[11] = 0;
            assertEquals(bitwise(zeroed), SctpPacket.checksum(p, 0, p.length));
            // Slices of a larger array give the same result.
            byte[] bigger = new byte[p.length + 7];
            System.arraycopy(p, 0, bigger, 5, p.length);
            assertEquals(bitwise(zeroed), SctpPacket.checksum(bigger, 5, p.length));
        }
    }

    @Test
    void writtenChecksumIsLittleEndianAndChecked() throws SctpParseException {
        byte[] wire = SctpPacket.of(5000, 5000, 1, new CookieAckChunk()).toBytes();
        byte[] zeroed = wire.clone();
        zeroed[8] = zeroed[9] = zeroed[10] = zeroed[11] = 0;
        int crc = crc32c(zeroed);
        assertArrayEquals(new byte[] {(byte) crc, (byte) (crc >>> 8), (byte) (crc >>> 16), (byte) (crc >>> 24)},
                java.util.Arrays.copyOfRange(wire, 8, 12));
        SctpPacket.parse(wire);

        byte[] swapped = wire.clone();
        swapped[8] = wire[11];
        swapped[9] = wire[10];
        swapped[10] = wire[9];
        swapped[11] = wire[8];
        SctpParseException e = assertThrows(SctpParseException.class, () -> SctpPacket.parse(swapped));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void anyFlippedBitIsRejected() {
        byte[] wire = SctpPacket.of(5000, 5000, 7, new ShutdownChunk(42)).toBytes();
        for (int bit = 0; bit < wire.length * 8; bit++) {
            byte[] bad = wire.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertInstanceOf(SctpParseException.class,
                    assertThrows(SctpParseException.class, () -> SctpPacket.parse(bad)));
        }
    }

    @Test
    void zeroChecksumIsNotAccepted() {
        byte[] wire = SctpPacket.of(5000, 5000, 7, new CookieAckChunk()).toBytes();
        wire[8] = wire[9] = wire[10] = wire[11] = 0;
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(wire));
    }

    private static int crc32c(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return (int) c.getValue();
    }

    private static String leBytes(int v) {
        return string(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    /**
     * CRC32c one bit at a time: Castagnoli's polynomial 0x1EDC6F41, reflected (0x82F63B78) since
     * bits enter least significant first, register preset to all ones and complemented at the end.
     */
    static int bitwise(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F63B78 : crc >>> 1;
            }
        }
        return ~crc;
    }
}
