package dev.parley.rtc.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An SCTP packet (RFC 9260 §3): the common header and one or more chunks. Over DTLS (RFC 8261
 * §5) each DTLS record carries one packet; the ports are the SCTP ports of the SDP
 * {@code a=sctp-port} (5000 by default), not UDP ports.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Source Port Number        |     Destination Port Number   |
 * |                      Verification Tag                         |
 * |                           Checksum                            |
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * |                          Chunk Value                          |
 * |                    ... more chunks, each padded to 4 bytes    |
 * </pre>
 *
 * <p>The checksum is CRC32c (RFC 9260 §6.8, Appendix A) over the whole packet with the checksum
 * field taken as zero; its 32-bit value goes on the wire least significant byte first (byte 8 is
 * the low byte), as the Appendix's reference code stores it. The zero-checksum alternative of RFC
 * 9653 is not supported: a packet whose checksum does not match is a parse error.
 *
 * <p>Parsing accepts a last chunk whose padding is missing or cut short, and checks every chunk
 * against its layout (see {@code ChunkCodec}); whether the values make sense (a zero initiate tag,
 * an INIT not alone in its packet, an unknown stream) is the association's to judge. Writing is
 * deterministic: every chunk padded with zeros, reserved bits zero.
 *
 * @param sourcePort      0..65535
 * @param destinationPort 0..65535
 * @param verificationTag 0..2^32-1
 * @param chunks          one or more chunks, in wire order
 */
public record SctpPacket(int sourcePort, int destinationPort, long verificationTag, List<Chunk> chunks) {
    /** RFC 9260 §3.1: the common header. */
    public static final int HEADER_LENGTH = 12;
    private static final int CHECKSUM_OFFSET = 8;
    private static final byte[] ZEROS = new byte[4];

    public SctpPacket {
        Bytes.checkU16(sourcePort, "source port");
        Bytes.checkU16(destinationPort, "destination port");
        Bytes.checkU32(verificationTag, "verification tag");
        chunks = List.copyOf(chunks);
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("an SCTP packet carries at least one chunk");
        }
    }

    /** A packet with these chunks. */
    public static SctpPacket of(int sourcePort, int destinationPort, long verificationTag, Chunk... chunks) {
        return new SctpPacket(sourcePort, destinationPort, verificationTag, List.of(chunks));
    }

    /** Parses a whole array as one packet. */
    public static SctpPacket parse(byte[] data) throws SctpParseException {
        return parse(data, 0, data.length);
    }

    /**
     * Parses {@code data[offset, offset+length)} as one packet. Offsets in error messages are
     * relative to {@code offset}. Values never share {@code data}: byte fields are copies.
     *
     * @throws SctpNoUserDataException for a DATA chunk without user data (RFC 9260 §6.2)
     * @throws SctpParseException      for a bad checksum or malformed header or chunk
     */
    public static SctpPacket parse(byte[] data, int offset, int length) throws SctpParseException {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new SctpParseException("SCTP packet: range " + offset + "+" + length + " outside a "
                    + data.length + "-byte array");
        }
        if (length < HEADER_LENGTH) {
            throw new SctpParseException("SCTP packet of " + length + " bytes is shorter than the "
                    + HEADER_LENGTH + "-byte common header");
        }
        int carried = readChecksum(data, offset);
        int computed = checksum(data, offset, length);
        if (carried != computed) {
            throw new SctpParseException(String.format("SCTP packet checksum 0x%08x does not match the CRC32c "
                    + "0x%08x of its %d bytes", carried, computed, length));
        }
        WireReader in = new WireReader(data, offset, offset, offset + length);
        int sourcePort = in.u16("source port");
        int destinationPort = in.u16("destination port");
        long tag = in.u32("verification tag");
        in.u32("checksum");
        if (in.remaining() == 0) {
            throw new SctpParseException("SCTP packet has no chunks after its common header");
        }
        List<Chunk> chunks = new ArrayList<>();
        while (in.remaining() > 0) {
            int at = in.offset();
            if (in.remaining() < 4) {
                throw new SctpParseException("chunk at offset " + at + ": " + in.remaining()
                        + " bytes left, too few for a 4-byte chunk header");
            }
            int type = in.u8("chunk type");
            int flags = in.u8("chunk flags");
            int chunkLength = in.u16("chunk length");
            if (chunkLength < 4) {
                throw new SctpParseException("chunk type " + type + " at offset " + at + ": length " + chunkLength
                        + " is less than its 4-byte header");
            }
            if (chunkLength - 4 > in.remaining()) {
                throw new SctpParseException("chunk type " + type + " at offset " + at + ": length " + chunkLength
                        + " runs past the end of the packet (" + (in.remaining() + 4) + " bytes left)");
            }
            WireReader value = in.slice(chunkLength - 4, "chunk value");
            chunks.add(ChunkCodec.parse(type, flags, value, at, tag));
            in.skipAtMost(WireReader.padded(chunkLength) - chunkLength);
        }
        return new SctpPacket(sourcePort, destinationPort, tag, chunks);
    }

    /**
     * The packet on the wire, checksum included.
     *
     * @throws IllegalArgumentException if a chunk does not fit its 16-bit length field
     */
    public byte[] toBytes() {
        WireWriter w = new WireWriter(256);
        w.u16(sourcePort);
        w.u16(destinationPort);
        w.u32(verificationTag);
        w.u32(0);
        for (Chunk c : chunks) {
            ChunkCodec.write(c, w);
        }
        byte[] out = w.toByteArray();
        int crc = checksum(out, 0, out.length);
        for (int i = 0; i < 4; i++) {
            out[CHECKSUM_OFFSET + i] = (byte) (crc >>> (8 * i));
        }
        return out;
    }

    /**
     * The CRC32c of the packet in {@code data[offset, offset+length)} computed with its checksum
     * field (bytes 8..11) taken as zero, without changing {@code data} (RFC 9260 §6.8). This is the
     * value whose bytes, least significant first, belong in bytes 8..11.
     *
     * @throws IllegalArgumentException if the range is outside {@code data} or shorter than the common header
     */
    public static int checksum(byte[] data, int offset, int length) {
        if (offset < 0 || length < HEADER_LENGTH || offset > data.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " of a " + data.length
                    + "-byte array is not an SCTP packet");
        }
        CRC32C crc = new CRC32C();
        crc.update(data, offset, CHECKSUM_OFFSET);
        crc.update(ZEROS, 0, 4);
        crc.update(data, offset + HEADER_LENGTH, length - HEADER_LENGTH);
        return (int) crc.getValue();
    }

    /** The checksum a packet carries, read least significant byte first. */
    static int readChecksum(byte[] data, int offset) {
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (data[offset + CHECKSUM_OFFSET + i] & 0xFF);
        }
        return v;
    }
}
