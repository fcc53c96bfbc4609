package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Sender report, PT 200 (RFC 3550 §6.4.1): sender info, report blocks, and the
 * profile-specific extension kept as raw bytes.
 *
 * @param ntpTimestamp 64-bit NTP timestamp (seconds in the high 32 bits), as an unsigned bit pattern
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                           List<ReportBlock> reports, byte[] profileExtension) implements RtcpPacket {
    private static final int SENDER_INFO_LENGTH = 24;

    public SenderReport {
        Check.u32(ssrc, "SSRC");
        Check.u32(rtpTimestamp, "RTP timestamp");
        Check.u32(packetCount, "packet count");
        Check.u32(octetCount, "octet count");
        reports = Check.count(reports, ReportBlocks.MAX, "report blocks");
        profileExtension = Check.words(profileExtension, "profile-specific extension");
    }

    public SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                        List<ReportBlock> reports) {
        this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, new byte[0]);
    }

    static SenderReport parse(int count, ByteReader in) throws RtpParseException {
        in.require(SENDER_INFO_LENGTH, "SR sender info");
        long ssrc = in.u32("SR SSRC");
        long ntp = in.u64("SR NTP timestamp");
        long rtp = in.u32("SR RTP timestamp");
        long packets = in.u32("SR packet count");
        long octets = in.u32("SR octet count");
        List<ReportBlock> blocks = ReportBlocks.parse(count, in, "SR");
        return new SenderReport(ssrc, ntp, rtp, packets, octets, blocks, in.bytes(in.remaining(), "SR extension"));
    }

    @Override
    public byte[] profileExtension() {
        return profileExtension.clone();
    }

    @Override
    public int packetType() {
        return Rtcp.SR;
    }

    @Override
    public int countOrFormat() {
        return reports.size();
    }

    @Override
    public int contentLength() {
        return SENDER_INFO_LENGTH + ReportBlocks.length(reports, profileExtension);
    }

    @Override
    public void writeContent(ByteBuffer out) {
        Rtcp.putU32(out, ssrc);
        out.putLong(ntpTimestamp);
        Rtcp.putU32(out, rtpTimestamp);
        Rtcp.putU32(out, packetCount);
        Rtcp.putU32(out, octetCount);
        ReportBlocks.write(reports, profileExtension, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderReport r && r.ssrc == ssrc && r.ntpTimestamp == ntpTimestamp
                && r.rtpTimestamp == rtpTimestamp && r.packetCount == packetCount && r.octetCount == octetCount
                && r.reports.equals(reports) && Arrays.equals(r.profileExtension, profileExtension);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(ssrc ^ ntpTimestamp ^ rtpTimestamp) + reports.hashCode() + Arrays.hashCode(profileExtension);
    }

    @Override
    public String toString() {
        return "SenderReport[ssrc=" + ssrc + ", ntp=" + Long.toUnsignedString(ntpTimestamp) + ", rtp=" + rtpTimestamp
                + ", packets=" + packetCount + ", octets=" + octetCount + ", reports=" + reports
                + (profileExtension.length > 0 ? ", ext=" + RtpText.hex(profileExtension) : "") + "]";
    }
}
