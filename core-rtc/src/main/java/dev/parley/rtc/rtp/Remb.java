package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiver Estimated Maximum Bitrate, PSFB FMT 15 with identifier "REMB"
 * (draft-alvestrand-rmcat-remb-03 §2.2): bitrate = mantissa · 2^exponent bits per second, for
 * the listed SSRCs. Exponent and mantissa are kept as sent so the bytes round-trip.
 */
public record Remb(long senderSsrc, long mediaSsrc, int exponent, int mantissa, List<Long> ssrcs)
        implements RtcpPacket {
    static final int FMT = 15;
    private static final byte[] IDENTIFIER = "REMB".getBytes(StandardCharsets.US_ASCII);
    private static final int MANTISSA_BITS = 18;

    public Remb {
        Check.u32(senderSsrc, "sender SSRC");
        Check.u32(mediaSsrc, "media SSRC");
        Check.bits(exponent, 6, "REMB exponent");
        Check.bits(mantissa, MANTISSA_BITS, "REMB mantissa");
        ssrcs = Check.u32s(Check.count(ssrcs, 255, "REMB SSRCs"), "SSRC");
    }

    /** Encodes {@code bitrateBps} with the smallest exponent that fits (rounding down); media SSRC 0. */
    public static Remb of(long senderSsrc, long bitrateBps, List<Long> ssrcs) {
        if (bitrateBps < 0) {
            throw new IllegalArgumentException("bitrate must not be negative: " + bitrateBps);
        }
        int exponent = 0;
        while ((bitrateBps >>> exponent) >= (1L << MANTISSA_BITS)) {
            exponent++;
        }
        return new Remb(senderSsrc, 0, exponent, (int) (bitrateBps >>> exponent), ssrcs);
    }

    /** Bitrate in bits per second; {@link Long#MAX_VALUE} if it does not fit a long. */
    public long bitrateBps() {
        if (mantissa != 0 && exponent >= Long.numberOfLeadingZeros(mantissa)) {
            return Long.MAX_VALUE;
        }
        return (long) mantissa << exponent;
    }

    /** True if the AFB content (after the common header) carries the "REMB" identifier. */
    static boolean isRemb(ByteReader in) {
        return in.peekEquals(FeedbackHeader.LENGTH, IDENTIFIER);
    }

    static Remb parse(ByteReader in) throws RtpParseException {
        FeedbackHeader h = FeedbackHeader.parse(in, "REMB");
        in.skip(IDENTIFIER.length, "REMB identifier");
        int count = in.u8("REMB SSRC count");
        int expMantissa = in.u24("REMB bitrate");
        in.require(4 * count, "REMB with " + count + " SSRCs");
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(in.u32("REMB SSRC"));
        }
        return new Remb(h.senderSsrc, h.mediaSsrc, expMantissa >> MANTISSA_BITS,
                expMantissa & ((1 << MANTISSA_BITS) - 1), ssrcs);
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
        return FeedbackHeader.LENGTH + 8 + 4 * ssrcs.size();
    }

    @Override
    public void writeContent(ByteBuffer out) {
        FeedbackHeader.write(out, senderSsrc, mediaSsrc);
        out.put(IDENTIFIER);
        out.put((byte) ssrcs.size());
        Rtcp.putU24(out, (exponent << MANTISSA_BITS) | mantissa);
        for (long ssrc : ssrcs) {
            Rtcp.putU32(out, ssrc);
        }
    }
}
