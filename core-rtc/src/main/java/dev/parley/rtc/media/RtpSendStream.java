package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Numbers the RTP packets of one local SSRC (RFC 3550 §5.1): a random initial sequence number
 * that then counts up by one per packet (wrapping at 2^16), and a random timestamp offset added to
 * the media time; header extension elements set here go on every packet (e.g. the MID, RFC 8843).
 *
 * <p>Counting what was sent is not this class's job: {@link RtpSendStatistics} counts the packets
 * as they actually leave, after the interceptors. Not thread-safe: used on the peer connection's
 * executor.
 */
public final class RtpSendStream {
    /** The header extension URI of the MID (RFC 8843 §15.2). */
    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /**
     * Initial sequence numbers stay below 2^15: a stream that started near 65535 and lost its first
     * packets could make the SRTP receiver guess the rollover counter wrong (RFC 3711 §3.3.1).
     */
    private static final int INITIAL_SEQUENCE_BOUND = 1 << 15;

    private final long ssrc;
    private final int clockRate;
    private final long timestampOffset;
    /** Holds the SSRC and the extension elements between packets; packets are immutable, so one builder serves all. */
    private final RtpPacket.Builder template;
    private int nextSequenceNumber;

    /** A stream with a random initial sequence number and timestamp offset (RFC 3550 §5.1). */
    public RtpSendStream(long ssrc, int clockRate, SecureRandom random) {
        this(ssrc, clockRate, random.nextInt(INITIAL_SEQUENCE_BOUND), random.nextInt() & 0xFFFF_FFFFL);
    }

    /** A stream with the given initial numbers (tests, and a sender that must continue a stream). */
    RtpSendStream(long ssrc, int clockRate, int initialSequenceNumber, long timestampOffset) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        if (initialSequenceNumber < 0 || initialSequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 0..65535, got " + initialSequenceNumber);
        }
        if (timestampOffset < 0 || timestampOffset > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp offset must be an unsigned 32-bit value, got " + timestampOffset);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.nextSequenceNumber = initialSequenceNumber;
        this.timestampOffset = timestampOffset;
        this.template = RtpPacket.builder().ssrc(ssrc);
    }

    public long ssrc() {
        return ssrc;
    }

    public int clockRate() {
        return clockRate;
    }

    /** The random value added to every media timestamp. */
    public long timestampOffset() {
        return timestampOffset;
    }

    /** The sequence number the next packet gets. */
    public int nextSequenceNumber() {
        return nextSequenceNumber;
    }

    /** The RTP timestamp of a media time (in clock-rate units since the stream started), modulo 2^32. */
    public long rtpTimestamp(long mediaTimestamp) {
        return (timestampOffset + mediaTimestamp) & 0xFFFF_FFFFL;
    }

    /**
     * Puts an RFC 8285 header extension element on every following packet (one-byte form while
     * every element fits it: ids 1..14, 1..16 bytes). Replaces an element with the same id.
     */
    public void setExtensionElement(int id, byte[] value) {
        template.extensionElement(id, value);
    }

    /** Stops putting the element with this id on packets (the extension goes when no element is left). */
    public void removeExtensionElement(int id) {
        template.removeExtensionElement(id);
    }

    /** Puts the MID (RFC 8843 §15.2: its value is the mid's ASCII text) on every following packet. */
    public void setMid(int extensionId, String mid) {
        if (mid.isEmpty()) {
            throw new IllegalArgumentException("a MID is not empty");
        }
        setExtensionElement(extensionId, mid.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The next packet of this stream: the next sequence number, the media time plus the offset as
     * timestamp, and the current extension elements. The payload is copied.
     *
     * @param mediaTimestamp media time in clock-rate units since the stream started (may run past
     *                       2^32; the timestamp wraps)
     */
    public RtpPacket packetize(int payloadType, long mediaTimestamp, boolean marker, byte[] payload) {
        RtpPacket packet = template
                .payloadType(payloadType)
                .sequenceNumber(nextSequenceNumber)
                .timestamp(rtpTimestamp(mediaTimestamp))
                .marker(marker)
                .payload(payload)
                .build();
        nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
        return packet;
    }
}
