package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** Receiver report, PT 201 (RFC 3550 §6.4.2); the profile-specific extension is kept raw. */
public record ReceiverReport(long ssrc, List<ReportBlock> reports, byte[] profileExtension) implements RtcpPacket {

    public ReceiverReport {
        Check.u32(ssrc, "SSRC");
        reports = Check.count(reports, ReportBlocks.MAX, "report blocks");
        profileExtension = Check.words(profileExtension, "profile-specific extension");
    }

    public ReceiverReport(long ssrc, List<ReportBlock> reports) {
        this(ssrc, reports, new byte[0]);
    }

    static ReceiverReport parse(int count, ByteReader in) throws RtpParseException {
        long ssrc = in.u32("RR SSRC");
        List<ReportBlock> blocks = ReportBlocks.parse(count, in, "RR");
        return new ReceiverReport(ssrc, blocks, in.bytes(in.remaining(), "RR extension"));
    }

    @Override
    public byte[] profileExtension() {
        return profileExtension.clone();
    }

    @Override
    public int packetType() {
        return Rtcp.RR;
    }

    @Override
    public int countOrFormat() {
        return reports.size();
    }

    @Override
    public int contentLength() {
        return 4 + ReportBlocks.length(reports, profileExtension);
    }

    @Override
    public void writeContent(ByteBuffer out) {
        Rtcp.putU32(out, ssrc);
        ReportBlocks.write(reports, profileExtension, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiverReport r && r.ssrc == ssrc && r.reports.equals(reports)
                && Arrays.equals(r.profileExtension, profileExtension);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(ssrc) + reports.hashCode() + Arrays.hashCode(profileExtension);
    }

    @Override
    public String toString() {
        return "ReceiverReport[ssrc=" + ssrc + ", reports=" + reports
                + (profileExtension.length > 0 ? ", ext=" + RtpText.hex(profileExtension) : "") + "]";
    }
}
