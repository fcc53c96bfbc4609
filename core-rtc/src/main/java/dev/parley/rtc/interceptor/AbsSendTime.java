package dev.parley.rtc.interceptor;

import dev.parley.rtc.rtp.RtpPacket;

/**
 * Stamps the abs-send-time header extension (webrtc.org's "abs-send-time": when the packet left,
 * 24 bits of seconds in 6.18 fixed point) on the packets of local streams that negotiated it. A
 * receiver estimating bandwidth on its own (REMB) reads send-time deltas from it; only deltas
 * matter, so the sender's monotonic clock serves. Near the wire, so the time is the sending time:
 * retransmissions are stamped anew.
 */
public final class AbsSendTime implements Interceptor {
    public static final String EXTENSION_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    private final LocalExtensionIds extensionIds = new LocalExtensionIds(EXTENSION_URI);

    @Override
    public void bindLocalStream(StreamInfo stream) {
        extensionIds.bind(stream);
    }

    @Override
    public void unbindLocalStream(StreamInfo stream) {
        extensionIds.unbind(stream);
    }

    @Override
    public RtpPacket onOutgoingRtp(RtpPacket packet, long nowNanos) {
        int id = extensionIds.idFor(packet.ssrc());
        return id == 0 ? packet : packet.withExtensionElement(id, encode(nowNanos));
    }

    /** The 3-byte value for a time on a nanosecond clock: seconds in 6.18 fixed point, wrapping every 64 s. */
    public static byte[] encode(long nanos) {
        long value = Math.floorMod(Math.floorDiv(nanos, 1000L) * (1 << 18) / 1_000_000, 1L << 24);
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Seconds (modulo 64) of an encoded value. */
    public static double decode(byte[] value) {
        int raw = ((value[0] & 0xFF) << 16) | ((value[1] & 0xFF) << 8) | (value[2] & 0xFF);
        return raw / (double) (1 << 18);
    }
}
