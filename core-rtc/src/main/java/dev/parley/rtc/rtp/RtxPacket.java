package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The RTP retransmission payload format (RFC 4588 §4), SSRC-multiplexed as WebRTC uses it: a lost
 * packet travels again on the stream's RTX SSRC, with the RTX payload type and the RTX stream's
 * own sequence number, its payload prefixed by the original sequence number (OSN).
 *
 * <pre>
 *  RTX packet = original header (timestamp, marker, CSRCs, extensions kept)
 *               with SSRC, payload type, sequence number of the RTX stream
 *               + | OSN (16 bits) | original payload |
 * </pre>
 */
public final class RtxPacket {
    static final int OSN_LENGTH = 2;

    private RtxPacket() {}

    /**
     * Wraps {@code original} for retransmission. Its padding is left out: it only filled the
     * original packet out to some size.
     */
    public static RtpPacket wrap(RtpPacket original, long rtxSsrc, int rtxPayloadType, int rtxSequenceNumber) {
        ByteBuffer payload = original.payloadBuffer();
        byte[] rtxPayload = new byte[OSN_LENGTH + payload.remaining()];
        rtxPayload[0] = (byte) (original.sequenceNumber() >>> 8);
        rtxPayload[1] = (byte) original.sequenceNumber();
        payload.get(rtxPayload, OSN_LENGTH, payload.remaining());
        return original.toBuilder()
                .ssrc(rtxSsrc)
                .payloadType(rtxPayloadType)
                .sequenceNumber(rtxSequenceNumber)
                .payload(rtxPayload)
                .paddingLength(0)
                .build();
    }

    /**
     * The original packet an RTX packet carries, given the media stream it belongs to; empty for
     * an RTX packet with no payload (padding only, which senders use to probe bandwidth).
     *
     * @throws RtpParseException if the payload is too short to hold the original sequence number
     */
    public static Optional<RtpPacket> unwrap(RtpPacket rtx, long mediaSsrc, int mediaPayloadType)
            throws RtpParseException {
        int length = rtx.payloadLength();
        if (length == 0) {
            return Optional.empty();
        }
        if (length < OSN_LENGTH) {
            throw new RtpParseException(rtx.headerLength(), "RTX payload of " + length
                    + " byte is too short for the original sequence number (RFC 4588 §4)");
        }
        ByteBuffer payload = rtx.payloadBuffer();
        int originalSequenceNumber = (payload.get() & 0xFF) << 8 | payload.get() & 0xFF;
        byte[] originalPayload = new byte[payload.remaining()];
        payload.get(originalPayload);
        return Optional.of(rtx.toBuilder()
                .ssrc(mediaSsrc)
                .payloadType(mediaPayloadType)
                .sequenceNumber(originalSequenceNumber)
                .payload(originalPayload)
                .paddingLength(0)
                .build());
    }
}
