package dev.parley.rtc.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Bundles chunks into packets of at most the path's packet size (RFC 9260 §6.10): control chunks
 * first, in the order given, then DATA chunks as the send side hands them out for the space left.
 */
final class OutgoingPackets {
    static final int COMMON_HEADER = 12;
    private final int maxPacketSize;

    OutgoingPackets(int maxPacketSize) {
        this.maxPacketSize = maxPacketSize;
    }

    /**
     * @param data gives DATA chunks for at most the given number of bytes (headers and padding
     *             included); an empty list when nothing more may be sent
     */
    List<byte[]> pack(int sourcePort, int destinationPort, long tag, List<Chunk> control,
                      IntFunction<List<DataChunk>> data) {
        List<byte[]> packets = new ArrayList<>();
        int nextControl = 0;
        while (true) {
            List<Chunk> chunks = new ArrayList<>();
            int used = COMMON_HEADER;
            while (nextControl < control.size()) {
                int size = paddedLength(control.get(nextControl));
                if (!chunks.isEmpty() && used + size > maxPacketSize) {
                    break;
                }
                chunks.add(control.get(nextControl++));
                used += size;
            }
            List<DataChunk> dataChunks = nextControl == control.size() && used < maxPacketSize
                    ? data.apply(maxPacketSize - used) : List.of();
            chunks.addAll(dataChunks);
            if (chunks.isEmpty()) {
                return packets;
            }
            packets.add(new SctpPacket(sourcePort, destinationPort, tag, chunks).toBytes());
        }
    }

    /** Bytes a chunk takes in a packet, padding included. */
    static int paddedLength(Chunk chunk) {
        if (chunk instanceof DataChunk d) {
            return padded(d.wireLength());
        }
        WireWriter w = new WireWriter(64); // control chunks are small: written once to measure, no checksum
        ChunkCodec.write(chunk, w);
        return w.size();
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
