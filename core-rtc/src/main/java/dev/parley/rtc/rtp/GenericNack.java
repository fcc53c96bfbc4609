package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK, RTPFB FMT 1 (RFC 4585 §6.2.1): each entry names a lost packet (PID) and, in the
 * bitmask BLP, which of the 16 following packets are lost too (bit i set: PID+i+1 lost).
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Entry> entries) implements RtcpPacket {
    static final int FMT = 1;

    public GenericNack {
        Check.u32(senderSsrc, "sender SSRC");
        Check.u32(mediaSsrc, "media SSRC");
        entries = List.copyOf(entries);
    }

    /** One FCI entry: packet id and bitmask of following lost packets. */
    public record Entry(int packetId, int lostBitmask) {
        public Entry {
            Check.bits(packetId, 16, "PID");
            Check.bits(lostBitmask, 16, "BLP");
        }
    }

    /**
     * Builds a NACK from lost sequence numbers. Numbers given in increasing order (wrapping at
     * 65535 allowed) pack into the fewest entries; any order is still reported correctly.
     */
    public static GenericNack of(long senderSsrc, long mediaSsrc, List<Integer> lost) {
        List<Entry> entries = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int seq : lost) {
            Check.bits(seq, 16, "sequence number");
            int distance = pid < 0 ? -1 : (seq - pid) & 0xFFFF;
            if (distance == 0) {
                continue;
            }
            if (distance >= 1 && distance <= 16) {
                blp |= 1 << (distance - 1);
            } else {
                if (pid >= 0) {
                    entries.add(new Entry(pid, blp));
                }
                pid = seq;
                blp = 0;
            }
        }
        if (pid >= 0) {
            entries.add(new Entry(pid, blp));
        }
        return new GenericNack(senderSsrc, mediaSsrc, entries);
    }

    /** All sequence numbers reported lost, entry by entry, in increasing order within each entry. */
    public List<Integer> lostSequenceNumbers() {
        List<Integer> lost = new ArrayList<>();
        for (Entry e : entries) {
            lost.add(e.packetId());
            for (int bit = 0; bit < 16; bit++) {
                if ((e.lostBitmask() & (1 << bit)) != 0) {
                    lost.add((e.packetId() + bit + 1) & 0xFFFF);
                }
            }
        }
        return lost;
    }

    static GenericNack parse(ByteReader in) throws RtpParseException {
        FeedbackHeader h = FeedbackHeader.parse(in, "NACK");
        List<Entry> entries = new ArrayList<>(in.remaining() / 4);
        while (in.remaining() >= 4) {
            entries.add(new Entry(in.u16("NACK PID"), in.u16("NACK BLP")));
        }
        return new GenericNack(h.senderSsrc, h.mediaSsrc, entries);
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
        return FeedbackHeader.LENGTH + 4 * entries.size();
    }

    @Override
    public void writeContent(ByteBuffer out) {
        FeedbackHeader.write(out, senderSsrc, mediaSsrc);
        for (Entry e : entries) {
            out.putShort((short) e.packetId());
            out.putShort((short) e.lostBitmask());
        }
    }
}
