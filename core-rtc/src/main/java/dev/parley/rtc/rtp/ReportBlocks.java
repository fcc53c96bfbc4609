package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The report block list and profile-specific extension shared by SR and RR (RFC 3550 §6.4.1, §6.4.2). */
final class ReportBlocks {
    /** RC is a 5-bit field. */
    static final int MAX = 31;

    private ReportBlocks() {}

    static List<ReportBlock> parse(int count, ByteReader in, String what) throws RtpParseException {
        in.require(count * ReportBlock.LENGTH, what + " with " + count + " report blocks");
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(in));
        }
        return List.copyOf(blocks);
    }

    static void write(List<ReportBlock> blocks, byte[] profileExtension, ByteBuffer out) {
        for (ReportBlock b : blocks) {
            b.writeTo(out);
        }
        out.put(profileExtension);
    }

    static int length(List<ReportBlock> blocks, byte[] profileExtension) {
        return blocks.size() * ReportBlock.LENGTH + profileExtension.length;
    }
}
