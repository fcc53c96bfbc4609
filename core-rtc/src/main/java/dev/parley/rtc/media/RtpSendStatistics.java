package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;

/**
 * What one local SSRC has sent, counted as packets leave (after every interceptor changed them):
 * the counters of an RTCP sender report (RFC 3550 §6.4.1) and of W3C outbound-rtp stats, and the
 * (RTP timestamp, send time) pair that a sender report's RTP timestamp is extrapolated from.
 *
 * <p>The pair is taken from the first packet sent with each new timestamp: the later packets of
 * a video frame share its timestamp but leave later, and a retransmission carries an old one.
 * Not thread-safe: used on the peer connection's executor.
 */
public final class RtpSendStatistics {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private long packetsSent;
    private long bytesSent;
    private long headerBytesSent;
    private long lastPacketSentNanos;
    private boolean hasReference;
    private long referenceTimestamp;
    private long referenceNanos;
    /** The capture time the sender gave for the RTP timestamp {@link #capturedTimestamp}, if any. */
    private boolean hasCapture;
    private long capturedTimestamp;
    private long captureNanos;

    public RtpSendStatistics(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * The sender's word that the frame of RTP timestamp {@code rtpTimestamp} was captured at
     * {@code captureNanos} (the clock packets are stamped with): when that frame's first packet
     * leaves, the sender report's timestamp is reckoned from its capture, not its send time, so a
     * receiver lining audio up with video (RFC 3550 §6.4.1) sees when it was captured, not how long
     * each stream took to encode and send.
     */
    public void onFrameCaptured(long rtpTimestamp, long captureNanos) {
        hasCapture = true;
        capturedTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
        this.captureNanos = captureNanos;
    }

    /** Counts a packet that is being sent now. */
    public void onPacketSent(RtpPacket packet, long nowNanos) {
        packetsSent++;
        bytesSent += packet.payloadLength();
        headerBytesSent += packet.headerLength() + packet.paddingLength();
        lastPacketSentNanos = nowNanos;
        // A timestamp later than the reference (as a signed 32-bit difference) starts a new frame.
        if (!hasReference || (int) (packet.timestamp() - referenceTimestamp) > 0) {
            hasReference = true;
            referenceTimestamp = packet.timestamp();
            referenceNanos = hasCapture && capturedTimestamp == packet.timestamp() ? captureNanos : nowNanos;
        }
    }

    public int clockRate() {
        return clockRate;
    }

    /** Packets sent, retransmissions included (W3C packetsSent; the SR packet count is this modulo 2^32). */
    public long packetsSent() {
        return packetsSent;
    }

    /** Payload bytes sent, headers and padding excluded (W3C bytesSent; the SR octet count modulo 2^32). */
    public long bytesSent() {
        return bytesSent;
    }

    /** RTP header and padding bytes sent (W3C headerBytesSent). */
    public long headerBytesSent() {
        return headerBytesSent;
    }

    /** Whether any packet was sent. */
    public boolean hasSent() {
        return packetsSent > 0;
    }

    /** When the last packet was sent, in executor nanoseconds; meaningful once {@link #hasSent()}. */
    public long lastPacketSentNanos() {
        return lastPacketSentNanos;
    }

    /**
     * The RTP timestamp that corresponds to {@code nowNanos}: the newest frame's timestamp plus the
     * time since it was captured (or, without its capture time, since its first packet left), in
     * clock-rate units, modulo 2^32 (RFC 3550 §6.4.1 asks the
     * SR's RTP timestamp to match its NTP time). Meaningful once {@link #hasSent()}.
     */
    public long rtpTimestampAt(long nowNanos) {
        long elapsed = nowNanos - referenceNanos;
        long ticks = Math.floorDiv(elapsed, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(elapsed, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND;
        return (referenceTimestamp + ticks) & 0xFFFF_FFFFL;
    }
}
