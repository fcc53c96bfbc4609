package dev.parley.rtc.srtp;

import java.util.HashMap;
import java.util.Map;

/**
 * The receiving direction (RFC 3711 §3.3, §3.4): validate, estimate the index, check the replay
 * list, authenticate and decrypt, and only then create or advance the SSRC's state. Forged
 * packets therefore never create contexts, move the ROC, or slide a replay window. Confined to
 * the one thread that receives.
 */
final class SrtpReceiver {
    /** Receiver-side state of one SSRC's crypto context, created on its first authentic packet. */
    private static final class Stream {
        final RolloverState rollover = new RolloverState();
        final ReplayWindow rtpWindow = new ReplayWindow();
        final ReplayWindow rtcpWindow = new ReplayWindow();
    }

    private final PacketTransform transform;
    private final SrtpCounters counters;
    private final int rtpTag;
    private final int rtcpTag;
    private final boolean aead;
    private final Map<Integer, Stream> streams = new HashMap<>();
    private int lastSsrc;
    private Stream lastStream;

    SrtpReceiver(PacketTransform transform, SrtpCounters counters) {
        this.transform = transform;
        this.counters = counters;
        this.rtpTag = transform.profile.rtpTagLength();
        this.rtcpTag = transform.profile.rtcpTagLength();
        this.aead = transform.profile.isAead();
    }

    byte[] unprotectRtp(byte[] b, int off, int len) throws SrtpException {
        byte[] plain = new byte[Math.max(0, len - rtpTag)];
        unprotectRtp(b, off, len, plain, 0);
        return plain;
    }

    /**
     * Unprotects into {@code out[outOff, outOff + len - tag)}, which the caller has checked; returns
     * that length. {@code out} is written only once the packet is authentic.
     */
    int unprotectRtp(byte[] b, int off, int len, byte[] out, int outOff) throws SrtpException {
        int headerLength = RtpHeaders.headerLength(b, off, len - rtpTag);
        if (headerLength < 0) {
            throw counters.malformed("not an SRTP packet");
        }
        int ssrc = RtpHeaders.ssrcOfRtp(b, off);
        int seq = RtpHeaders.u16(b, off + 2);
        Stream stream = find(ssrc);
        long index = stream == null ? seq : stream.rollover.estimate(seq);
        if (index < 0 || index >= 1L << 48 || (stream != null && !stream.rtpWindow.check(index))) {
            throw counters.replayed("SRTP packet replayed or too old");
        }
        if (!transform.unprotectRtp(b, off, len, headerLength, ssrc, (int) (index >>> 16), seq, out, outOff)) {
            throw counters.authenticationFailed("SRTP authentication failed");
        }
        if (stream == null) {
            stream = create(ssrc);
        }
        stream.rollover.update(index);
        stream.rtpWindow.accept(index);
        return len - rtpTag;
    }

    byte[] unprotectRtcp(byte[] b, int off, int len) throws SrtpException {
        if (len < 8 + 4 + rtcpTag || !RtpHeaders.isRtcpHeader(b, off, len)) {
            throw counters.malformed("not an SRTCP packet");
        }
        // The E|index word follows the tag for GCM (RFC 7714 §9) and precedes it for AES-CM (RFC 3711 §3.4).
        int eAndIndex = PacketTransform.getInt(b, off + len - 4 - (aead ? 0 : rtcpTag));
        long index = eAndIndex & 0x7FFF_FFFFL;
        int ssrc = RtpHeaders.ssrcOfRtcp(b, off);
        Stream stream = find(ssrc);
        if (stream != null && !stream.rtcpWindow.check(index)) {
            throw counters.replayed("SRTCP packet replayed or too old");
        }
        byte[] plain = transform.unprotectRtcp(b, off, len, ssrc, eAndIndex);
        if (plain == null) {
            throw counters.authenticationFailed("SRTCP authentication failed");
        }
        if (stream == null) {
            stream = create(ssrc);
        }
        stream.rtcpWindow.accept(index);
        return plain;
    }

    private Stream find(int ssrc) {
        if (lastStream != null && lastSsrc == ssrc) {
            return lastStream;
        }
        Stream stream = streams.get(ssrc);
        if (stream != null) {
            lastSsrc = ssrc;
            lastStream = stream;
        }
        return stream;
    }

    private Stream create(int ssrc) {
        Stream stream = new Stream();
        streams.put(ssrc, stream);
        lastSsrc = ssrc;
        lastStream = stream;
        return stream;
    }
}
