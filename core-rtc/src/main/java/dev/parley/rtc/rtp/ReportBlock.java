package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;

/**
 * A reception report block of an SR or RR (RFC 3550 §6.4.1), 24 bytes.
 *
 * @param ssrc                       source this block reports on
 * @param fractionLost               8-bit fixed point fraction lost since the last report
 * @param cumulativeLost             24-bit signed cumulative number of packets lost
 * @param extendedHighestSequence    extended highest sequence number received (32 bits)
 * @param jitter                     interarrival jitter in timestamp units (32 bits)
 * @param lastSenderReport           LSR: middle 32 bits of the last SR's NTP timestamp
 * @param delaySinceLastSenderReport DLSR in units of 1/65536 s
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
    static final int LENGTH = 24;

    public ReportBlock {
        Check.u32(ssrc, "SSRC");
        Check.bits(fractionLost, 8, "fraction lost");
        Check.range(cumulativeLost, -(1 << 23), (1 << 23) - 1, "cumulative lost");
        Check.u32(extendedHighestSequence, "extended highest sequence");
        Check.u32(jitter, "jitter");
        Check.u32(lastSenderReport, "LSR");
        Check.u32(delaySinceLastSenderReport, "DLSR");
    }

    static ReportBlock parse(ByteReader in) throws RtpParseException {
        in.require(LENGTH, "report block");
        return new ReportBlock(in.u32("SSRC"), in.u8("fraction lost"), in.s24("cumulative lost"),
                in.u32("highest sequence"), in.u32("jitter"), in.u32("LSR"), in.u32("DLSR"));
    }

    void writeTo(ByteBuffer out) {
        Rtcp.putU32(out, ssrc);
        out.put((byte) fractionLost);
        Rtcp.putU24(out, cumulativeLost);
        Rtcp.putU32(out, extendedHighestSequence);
        Rtcp.putU32(out, jitter);
        Rtcp.putU32(out, lastSenderReport);
        Rtcp.putU32(out, delaySinceLastSenderReport);
    }
}
