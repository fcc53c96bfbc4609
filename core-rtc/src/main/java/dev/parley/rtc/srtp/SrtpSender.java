package dev.parley.rtc.srtp;

import java.util.HashMap;
import java.util.Map;

/**
 * The sending direction: per-SSRC ROC and SRTCP index, then {@link PacketTransform}. Confined to
 * the one thread that sends.
 */
final class SrtpSender {
    /** Sender-side state of one SSRC's crypto context (RFC 3711 §3.2.1). */
    private static final class Stream {
        final RolloverState rollover = new RolloverState();
        /**
         * Indices already protected. Protecting two packets under one index would reuse keystream
         * (and, for GCM, leak the GHASH key), so a repeat is refused as libsrtp does by default.
         */
        final ReplayWindow sent = new ReplayWindow();
        /** The next SRTCP index: 31 bits, starting at 0 (§3.4). */
        int nextRtcpIndex;
    }

    private final PacketTransform transform;
    private final SrtpCounters counters;
    private final int rtpTag;
    private final Map<Integer, Stream> streams = new HashMap<>();
    // One-entry cache: a sender almost always repeats the last SSRC, and this skips boxing.
    private int lastSsrc;
    private Stream lastStream;

    SrtpSender(PacketTransform transform, SrtpCounters counters) {
        this.transform = transform;
        this.counters = counters;
        this.rtpTag = transform.profile.rtpTagLength();
    }

    byte[] protectRtp(byte[] b, int off, int len) throws SrtpException {
        byte[] out = new byte[len + rtpTag];
        protectRtp(b, off, len, out, 0);
        return out;
    }

    /** Protects into {@code out[outOff, outOff + len + tag)}, which the caller has checked; returns that length. */
    int protectRtp(byte[] b, int off, int len, byte[] out, int outOff) throws SrtpException {
        int headerLength = RtpHeaders.headerLength(b, off, len);
        if (headerLength < 0) {
            throw counters.malformed("not an RTP packet");
        }
        int ssrc = RtpHeaders.ssrcOfRtp(b, off);
        int seq = RtpHeaders.u16(b, off + 2);
        Stream stream = stream(ssrc);
        long index = stream.rollover.estimate(seq);
        if (index >= 1L << 48) {
            throw new IllegalStateException("SRTP index exhausted: rekey (RFC 3711 §9.2)");
        }
        if (index < 0 || !stream.sent.check(index)) {
            // Not counted: this is our own sender repeating itself (retransmissions must use RTX, RFC 4588).
            throw new SrtpException(SrtpException.Reason.REPLAYED,
                    "SRTP index already used or too old for this sender (seq " + seq + ")");
        }
        stream.rollover.update(index);
        stream.sent.accept(index);
        transform.protectRtp(b, off, len, headerLength, ssrc, (int) (index >>> 16), seq, out, outOff);
        return len + rtpTag;
    }

    byte[] protectRtcp(byte[] b, int off, int len) throws SrtpException {
        if (!RtpHeaders.isRtcpHeader(b, off, len)) {
            throw counters.malformed("not an RTCP packet");
        }
        int ssrc = RtpHeaders.ssrcOfRtcp(b, off);
        Stream stream = stream(ssrc);
        int index = stream.nextRtcpIndex;
        if (index < 0) {
            throw new IllegalStateException("SRTCP index exhausted: rekey (RFC 3711 §9.2)");
        }
        stream.nextRtcpIndex = index + 1; // reaches Integer.MIN_VALUE after 2^31 packets: refused above
        return transform.protectRtcp(b, off, len, ssrc, index);
    }

    private Stream stream(int ssrc) {
        if (lastStream != null && lastSsrc == ssrc) {
            return lastStream;
        }
        Stream stream = streams.computeIfAbsent(ssrc, s -> new Stream());
        lastSsrc = ssrc;
        lastStream = stream;
        return stream;
    }
}
