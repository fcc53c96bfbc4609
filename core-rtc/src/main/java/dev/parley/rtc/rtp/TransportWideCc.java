package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transport-wide congestion control feedback, RTPFB FMT 15
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
 *
 * <pre>
 * |      base sequence number     |      packet status count      |
 * |                 reference time                | fb pkt. count |
 * |          packet chunk         |         packet chunk          |  ...
 * |  recv delta   |  recv delta   |   ...         | zero padding  |
 * </pre>
 *
 * Packet chunks are kept as sent (run-length or status vector, §3.1.3/§3.1.4), so parsed feedback
 * writes back byte for byte; {@link #of} picks chunks itself. Each received packet has a receive
 * delta (§3.1.5) in 250 µs ticks: one unsigned byte for a "small delta" symbol, two signed bytes
 * for a "large or negative delta" symbol. The content may end off a word boundary: it is then
 * followed by zero fill, or by RTCP padding as libwebrtc writes it.
 */
public final class TransportWideCc implements RtcpPacket {
    static final int FMT = 15;
    /** Receive deltas and the reference time tick (§3.1.5, §3.1). */
    public static final int DELTA_TICK_MICROS = 250;
    public static final int REFERENCE_TIME_TICK_MICROS = 64_000;

    /** Packet status symbols (§3.1.1). */
    public enum Status {
        NOT_RECEIVED, RECEIVED_SMALL_DELTA, RECEIVED_LARGE_DELTA;

        private static final Status[] BY_SYMBOL = values();

        int deltaSize() {
            return ordinal();
        }
    }

    /**
     * One packet's feedback.
     *
     * @param delta receive delta in 250 µs ticks from the previous received packet (or from the
     *              reference time for the first); 0 when not received
     */
    public record PacketStatus(int sequenceNumber, Status status, int delta) {
        public PacketStatus {
            Check.bits(sequenceNumber, 16, "sequence number");
            switch (status) {
                case NOT_RECEIVED -> Check.range(delta, 0, 0, "delta of a packet not received");
                case RECEIVED_SMALL_DELTA -> Check.range(delta, 0, 0xFF, "small receive delta");
                case RECEIVED_LARGE_DELTA -> Check.range(delta, Short.MIN_VALUE, Short.MAX_VALUE, "large receive delta");
            }
        }

        public static PacketStatus notReceived(int sequenceNumber) {
            return new PacketStatus(sequenceNumber, Status.NOT_RECEIVED, 0);
        }

        /** Received with this delta in 250 µs ticks; one byte if 0..255, else two bytes. */
        public static PacketStatus received(int sequenceNumber, int deltaTicks) {
            Status s = deltaTicks >= 0 && deltaTicks <= 0xFF ? Status.RECEIVED_SMALL_DELTA : Status.RECEIVED_LARGE_DELTA;
            return new PacketStatus(sequenceNumber, s, deltaTicks);
        }

        public boolean isReceived() {
            return status != Status.NOT_RECEIVED;
        }

        public long deltaMicros() {
            return (long) delta * DELTA_TICK_MICROS;
        }
    }

    private final long senderSsrc;
    private final long mediaSsrc;
    private final int baseSequenceNumber;
    private final int referenceTime;
    private final int feedbackPacketCount;
    private final int statusCount;
    private final int[] chunks;
    /** Status symbol of each of the {@code statusCount} packets, decoded from the chunks. */
    private final byte[] symbols;
    /** One delta per received packet. */
    private final int[] deltas;

    private TransportWideCc(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int referenceTime,
                            int feedbackPacketCount, int statusCount, int[] chunks, byte[] symbols, int[] deltas) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequenceNumber = baseSequenceNumber;
        this.referenceTime = referenceTime;
        this.feedbackPacketCount = feedbackPacketCount;
        this.statusCount = statusCount;
        this.chunks = chunks;
        this.symbols = symbols;
        this.deltas = deltas;
    }

    /**
     * Feedback for consecutive packets starting at {@code packets.get(0).sequenceNumber()}.
     *
     * @param referenceTime 24-bit signed, in 64 ms units
     */
    public static TransportWideCc of(long senderSsrc, long mediaSsrc, int referenceTime, int feedbackPacketCount,
                                     List<PacketStatus> packets) {
        Check.u32(senderSsrc, "sender SSRC");
        Check.u32(mediaSsrc, "media SSRC");
        Check.range(referenceTime, -(1 << 23), (1 << 23) - 1, "reference time");
        Check.bits(feedbackPacketCount, 8, "feedback packet count");
        Check.range(packets.size(), 1, 0xFFFF, "packet status count");
        int base = packets.get(0).sequenceNumber();
        byte[] symbols = new byte[packets.size()];
        int[] deltas = new int[packets.size()];
        int received = 0;
        for (int i = 0; i < symbols.length; i++) {
            PacketStatus p = packets.get(i);
            if (p.sequenceNumber() != ((base + i) & 0xFFFF)) {
                throw new IllegalArgumentException("packet " + i + " has sequence number " + p.sequenceNumber()
                        + ", expected " + ((base + i) & 0xFFFF));
            }
            symbols[i] = (byte) p.status().ordinal();
            if (p.isReceived()) {
                deltas[received++] = p.delta();
            }
        }
        return new TransportWideCc(senderSsrc, mediaSsrc, base, referenceTime, feedbackPacketCount, symbols.length,
                TwccChunks.encode(symbols), symbols, Arrays.copyOf(deltas, received));
    }

    static TransportWideCc parse(ByteReader in) throws RtpParseException {
        FeedbackHeader h = FeedbackHeader.parse(in, "TWCC");
        int base = in.u16("TWCC base sequence number");
        int count = in.u16("TWCC packet status count");
        int referenceTime = in.s24("TWCC reference time");
        int fbCount = in.u8("TWCC feedback packet count");
        TwccChunks.Decoded decoded = TwccChunks.decode(in, count);
        byte[] symbols = decoded.symbols();
        int[] deltas = new int[decoded.received()];
        int d = 0;
        for (int i = 0; i < count; i++) {
            int size = symbols[i];
            if (size == 0) {
                continue;
            }
            if (in.remaining() < size) {
                throw in.error("TWCC receive delta of packet " + i + " (of status count " + count + ") at offset "
                        + in.offset() + ": needs " + size + " bytes, only " + in.remaining() + " remain");
            }
            deltas[d++] = size == 1 ? in.u8("TWCC small delta") : (short) in.u16("TWCC large delta");
        }
        if (in.remaining() < 4) {
            in.skip(in.remaining(), "TWCC zero fill"); // up to the next word (§3.1.5)
        }
        return new TransportWideCc(h.senderSsrc, h.mediaSsrc, base, referenceTime, fbCount, count,
                decoded.chunks(), symbols, deltas);
    }

    public long senderSsrc() {
        return senderSsrc;
    }

    public long mediaSsrc() {
        return mediaSsrc;
    }

    public int baseSequenceNumber() {
        return baseSequenceNumber;
    }

    public int packetStatusCount() {
        return statusCount;
    }

    /** 24-bit signed reference time in 64 ms units. */
    public int referenceTime() {
        return referenceTime;
    }

    public long referenceTimeMicros() {
        return (long) referenceTime * REFERENCE_TIME_TICK_MICROS;
    }

    public int feedbackPacketCount() {
        return feedbackPacketCount;
    }

    /** Number of packet chunks on the wire. */
    public int chunkCount() {
        return chunks.length;
    }

    int[] chunks() {
        return chunks.clone();
    }

    /** One status per packet from the base sequence number on, with its receive delta. */
    public List<PacketStatus> packets() {
        List<PacketStatus> out = new ArrayList<>(statusCount);
        int d = 0;
        for (int i = 0; i < statusCount; i++) {
            Status s = Status.BY_SYMBOL[symbols[i]];
            out.add(new PacketStatus((baseSequenceNumber + i) & 0xFFFF, s, s == Status.NOT_RECEIVED ? 0 : deltas[d++]));
        }
        return out;
    }

    @Override
    public int packetType() {
        return Rtcp.RTPFB;
    }

    @Override
    public int countOrFormat() {
        return FMT;
    }

    @Override
    public int contentLength() {
        int n = FeedbackHeader.LENGTH + 8 + 2 * chunks.length;
        for (int i = 0; i < statusCount; i++) {
            n += symbols[i];
        }
        return n;
    }

    @Override
    public void writeContent(ByteBuffer out) {
        FeedbackHeader.write(out, senderSsrc, mediaSsrc);
        out.putShort((short) baseSequenceNumber);
        out.putShort((short) statusCount);
        Rtcp.putU24(out, referenceTime);
        out.put((byte) feedbackPacketCount);
        for (int c : chunks) {
            out.putShort((short) c);
        }
        int d = 0;
        for (int i = 0; i < statusCount; i++) {
            if (symbols[i] == 1) {
                out.put((byte) deltas[d++]);
            } else if (symbols[i] == 2) {
                out.putShort((short) deltas[d++]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportWideCc t && t.senderSsrc == senderSsrc && t.mediaSsrc == mediaSsrc
                && t.baseSequenceNumber == baseSequenceNumber && t.statusCount == statusCount
                && t.referenceTime == referenceTime && t.feedbackPacketCount == feedbackPacketCount
                && Arrays.equals(t.chunks, chunks) && Arrays.equals(t.deltas, deltas);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(senderSsrc ^ mediaSsrc) + baseSequenceNumber * 65536 + statusCount)
                + Arrays.hashCode(chunks) + Arrays.hashCode(deltas) + referenceTime;
    }

    @Override
    public String toString() {
        return "TransportWideCc[sender=" + senderSsrc + ", media=" + mediaSsrc + ", base=" + baseSequenceNumber
                + ", count=" + statusCount + ", ref=" + referenceTime + ", fb=" + feedbackPacketCount
                + ", chunks=" + chunks.length + ", received=" + deltas.length + "]";
    }
}
