package dev.parley.rtc.media;

import dev.parley.rtc.dtls.DtlsSettings;
import dev.parley.rtc.rtp.RtpPacket;

/**
 * How large a packetizer may make an RTP payload so that the SRTP packet fits the engine's MTU
 * ({@link DtlsSettings#mtu()}, 1200 bytes by default: room for IPv6, UDP and a TURN ChannelData
 * header): the MTU less the RTP fixed header, the largest SRTP authentication tag (16 bytes,
 * AEAD_AES_128_GCM, RFC 7714 §12) and room for header extensions (MID, abs-send-time,
 * transport-wide sequence number).
 */
public final class PayloadSize {
    /** Bytes kept for RTP header extensions: the RFC 8285 header and a few one-byte elements. */
    static final int EXTENSION_ALLOWANCE = 24;
    private static final int SRTP_TAG = 16;

    private PayloadSize() {}

    /** The largest payload for packets of at most {@code mtu} bytes. */
    public static int forMtu(int mtu) {
        int size = mtu - RtpPacket.FIXED_HEADER_LENGTH - SRTP_TAG - EXTENSION_ALLOWANCE;
        if (size < 64) {
            throw new IllegalArgumentException("MTU " + mtu + " leaves no room for media");
        }
        return size;
    }

    /** The largest payload at the engine's default MTU. */
    public static int defaultSize() {
        return forMtu(DtlsSettings.defaults().mtu());
    }
}
