package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BYE packet, PT 203 (RFC 3550 §6.6): the leaving sources and an optional reason.
 *
 * @param reason the reason's bytes (UTF-8 text), or {@code null} when absent; an empty array is
 *               a present, empty reason
 */
public record Goodbye(List<Long> ssrcs, byte[] reason) implements RtcpPacket {

    public Goodbye {
        ssrcs = Check.u32s(Check.count(ssrcs, 31, "SSRCs"), "SSRC");
        if (reason != null) {
            if (reason.length > 255) {
                throw new IllegalArgumentException("BYE reason is at most 255 bytes, got " + reason.length);
            }
            reason = reason.clone();
        }
    }

    public static Goodbye of(List<Long> ssrcs, String reason) {
        return new Goodbye(ssrcs, reason == null ? null : reason.getBytes(StandardCharsets.UTF_8));
    }

    static Goodbye parse(int count, ByteReader in) throws RtpParseException {
        in.require(4 * count, "BYE with " + count + " SSRCs");
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(in.u32("BYE SSRC"));
        }
        byte[] reason = null;
        if (in.hasRemaining()) {
            int length = in.u8("BYE reason length");
            reason = in.bytes(length, "BYE reason");
            in.skip(fill(length), "BYE reason padding"); // RFC 3550 §6.6: null octets up to the word
        }
        return new Goodbye(ssrcs, reason);
    }

    @Override
    public byte[] reason() {
        return reason == null ? null : reason.clone();
    }

    /** The reason as text, or {@code null}. */
    public String reasonText() {
        return reason == null ? null : new String(reason, StandardCharsets.UTF_8);
    }

    @Override
    public int packetType() {
        return Rtcp.BYE;
    }

    @Override
    public int countOrFormat() {
        return ssrcs.size();
    }

    @Override
    public int contentLength() {
        return 4 * ssrcs.size() + (reason == null ? 0 : 1 + reason.length + fill(reason.length));
    }

    @Override
    public void writeContent(ByteBuffer out) {
        for (long ssrc : ssrcs) {
            Rtcp.putU32(out, ssrc);
        }
        if (reason != null) {
            out.put((byte) reason.length);
            out.put(reason);
            out.put(new byte[fill(reason.length)]);
        }
    }

    private static int fill(int reasonLength) {
        return -(1 + reasonLength) & 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Goodbye g && g.ssrcs.equals(ssrcs) && Arrays.equals(g.reason, reason);
    }

    @Override
    public int hashCode() {
        return 31 * ssrcs.hashCode() + Arrays.hashCode(reason);
    }

    @Override
    public String toString() {
        return "Goodbye[ssrcs=" + ssrcs + (reason != null ? ", reason=" + reasonText() : "") + "]";
    }
}
