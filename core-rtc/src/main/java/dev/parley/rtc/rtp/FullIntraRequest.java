package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Full Intra Request, PSFB FMT 4 (RFC 5104 §4.3.1): FCI entries of target SSRC and command
 * sequence number (8 bits, then 24 reserved bits written as zero). The media SSRC of the
 * common header is unused by FIR (RFC 5104 §4.3.1.2) but kept.
 */
public record FullIntraRequest(long senderSsrc, long mediaSsrc, List<Entry> entries) implements RtcpPacket {
    static final int FMT = 4;

    public FullIntraRequest {
        Check.u32(senderSsrc, "sender SSRC");
        Check.u32(mediaSsrc, "media SSRC");
        entries = List.copyOf(entries);
    }

    public record Entry(long ssrc, int sequenceNumber) {
        public Entry {
            Check.u32(ssrc, "SSRC");
            Check.bits(sequenceNumber, 8, "FIR sequence number");
        }
    }

    static FullIntraRequest parse(ByteReader in) throws RtpParseException {
        FeedbackHeader h = FeedbackHeader.parse(in, "FIR");
        List<Entry> entries = new ArrayList<>(in.remaining() / 8);
        while (in.hasRemaining()) {
            in.require(8, "FIR entry");
            long ssrc = in.u32("FIR SSRC");
            int seq = in.u8("FIR sequence number");
            in.skip(3, "FIR reserved");
            entries.add(new Entry(ssrc, seq));
        }
        return new FullIntraRequest(h.senderSsrc, h.mediaSsrc, entries);
    }

    @Override
    public int packetType() {
        return Rtcp.PSFB;
    }

    @Override
    public int countOrFormat() {
        return FMT;
    }

    @Override
    public int contentLength() {
        return FeedbackHeader.LENGTH + 8 * entries.size();
    }

    @Override
    public void writeContent(ByteBuffer out) {
        FeedbackHeader.write(out, senderSsrc, mediaSsrc);
        for (Entry e : entries) {
            Rtcp.putU32(out, e.ssrc());
            out.putInt(e.sequenceNumber() << 24);
        }
    }
}
