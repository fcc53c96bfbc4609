package dev.parley.rtc.media;

import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SenderReport;

/**
 * Reception statistics of one remote SSRC (RFC 3550 §6.4.1, Appendix A): sequence tracking and
 * loss ({@link SequenceTracker}, A.1 and A.3), interarrival jitter ({@link InterarrivalJitter},
 * A.8), the W3C inbound-rtp counters, and the peer's last sender report, from which each
 * {@link #reportBlock(long) report block} gets its LSR and DLSR.
 *
 * <p>MIN_SEQUENTIAL defaults to 1, not A.1's 2: in WebRTC a remote SSRC is known from signalling
 * (or its MID) and its packets are authenticated by SRTP, so the first packet is trusted and
 * counted; with 2 it would be left out of packetsReceived and the loss base. The RFC's choice is
 * available through the three-argument constructor.
 *
 * <p>Not thread-safe: used on the peer connection's executor.
 */
public final class RtpReceiveStatistics {
    public static final int DEFAULT_MIN_SEQUENTIAL = 1;
    private static final int CUMULATIVE_LOST_MAX = (1 << 23) - 1;
    private static final int CUMULATIVE_LOST_MIN = -(1 << 23);
    private static final long U32 = 0xFFFF_FFFFL;

    private final long ssrc;
    private final int clockRate;
    private final SequenceTracker sequence;
    private final InterarrivalJitter jitter;
    private long packetsReceived;
    private long bytesReceived;
    private long headerBytesReceived;
    private long packetsRejected;
    private long lastPacketReceivedNanos;
    private SenderReport lastSenderReport;
    private long lastSenderReportNanos;
    private long senderReportsReceived;
    private final SenderClock senderClock;

    public RtpReceiveStatistics(long ssrc, int clockRate) {
        this(ssrc, clockRate, DEFAULT_MIN_SEQUENTIAL);
    }

    /** @param minSequential packets in sequence before a new source counts (RFC 3550 A.1 MIN_SEQUENTIAL, at least 1) */
    public RtpReceiveStatistics(long ssrc, int clockRate, int minSequential) {
        if (ssrc < 0 || ssrc > U32) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.sequence = new SequenceTracker(minSequential);
        this.jitter = new InterarrivalJitter(clockRate);
        this.senderClock = new SenderClock(clockRate);
    }

    /**
     * Accounts for a packet of this SSRC. Returns whether RFC 3550 A.1 takes it as valid; one that
     * is not (a new source still on probation, or the first packet after an unexplained jump) is
     * only counted in {@link #packetsRejected()}, and the caller may drop it.
     *
     * @throws IllegalArgumentException if the packet belongs to another SSRC
     */
    public boolean onRtp(RtpPacket packet, long arrivalNanos) {
        if (packet.ssrc() != ssrc) {
            throw new IllegalArgumentException("packet of SSRC " + packet.ssrc() + " given to the statistics of " + ssrc);
        }
        long restartsBefore = sequence.restarts();
        if (!sequence.update(packet.sequenceNumber())) {
            packetsRejected++;
            return false;
        }
        if (sequence.restarts() != restartsBefore) {
            jitter.restart(); // a restarted sender likely has a new timestamp base too
        }
        packetsReceived++;
        bytesReceived += packet.payloadLength();
        headerBytesReceived += packet.headerLength() + packet.paddingLength();
        lastPacketReceivedNanos = arrivalNanos;
        jitter.update(packet.timestamp(), arrivalNanos);
        return true;
    }

    /**
     * Remembers the peer's sender report for this SSRC: its NTP time becomes the LSR of the next
     * report blocks (RFC 3550 §6.4.1), its counts feed W3C remote-outbound-rtp stats, and its
     * NTP/RTP pair the {@link #senderClock()} that audio/video synchronisation reads.
     *
     * @throws IllegalArgumentException if the report is from another SSRC
     */
    public void onSenderReport(SenderReport report, long arrivalNanos) {
        if (report.ssrc() != ssrc) {
            throw new IllegalArgumentException("sender report of SSRC " + report.ssrc() + " given to the statistics of " + ssrc);
        }
        lastSenderReport = report;
        lastSenderReportNanos = arrivalNanos;
        senderReportsReceived++;
        senderClock.onSenderReport(report.ntpTimestamp(), report.rtpTimestamp());
    }

    /**
     * The report block on this source for a report sent at {@code nowNanos}, and the start of the
     * next reporting interval (the fraction lost covers the time since the previous block).
     *
     * @throws IllegalStateException if no valid packet has been received yet
     */
    public ReportBlock reportBlock(long nowNanos) {
        if (!hasReceived()) {
            throw new IllegalStateException("no packet of SSRC " + ssrc + " received yet: nothing to report");
        }
        int fractionLost = sequence.nextFractionLost();
        int cumulativeLost = (int) Math.max(CUMULATIVE_LOST_MIN, Math.min(CUMULATIVE_LOST_MAX, sequence.cumulativeLost()));
        long lsr = 0;
        long dlsr = 0;
        if (lastSenderReport != null) {
            lsr = NtpClock.middle32Of(lastSenderReport.ntpTimestamp());
            dlsr = NtpClock.toShortUnits(nowNanos - lastSenderReportNanos);
        }
        return new ReportBlock(ssrc, fractionLost, cumulativeLost, sequence.extendedHighest() & U32,
                Math.min((long) jitter.timestampUnits(), U32), lsr, dlsr);
    }

    public long ssrc() {
        return ssrc;
    }

    public int clockRate() {
        return clockRate;
    }

    /** Whether a valid packet has been received since the source (re)started, so there is something to report. */
    public boolean hasReceived() {
        return sequence.valid();
    }

    /** Valid packets received, duplicates included (W3C packetsReceived); not reset by a restart. */
    public long packetsReceived() {
        return packetsReceived;
    }

    /** Payload bytes of the valid packets (W3C bytesReceived). */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Header and padding bytes of the valid packets (W3C headerBytesReceived). */
    public long headerBytesReceived() {
        return headerBytesReceived;
    }

    /** Packets RFC 3550 A.1 did not take (probation, first packet after a jump). */
    public long packetsRejected() {
        return packetsRejected;
    }

    /**
     * Cumulative packets lost since the source (re)started, as RFC 3550 A.3 counts them: expected
     * minus received, so negative when duplicates outnumber losses (W3C packetsLost). Not clamped
     * to the 24 bits of a report block.
     */
    public long packetsLost() {
        return hasReceived() ? sequence.cumulativeLost() : 0;
    }

    /** The extended highest sequence number received (cycles × 2^16 + highest sequence number). */
    public long extendedHighestSequence() {
        return sequence.extendedHighest();
    }

    /** How often the source restarted its sequence numbering (A.1). */
    public long restarts() {
        return sequence.restarts();
    }

    /** Interarrival jitter in timestamp units. */
    public double jitterTimestampUnits() {
        return jitter.timestampUnits();
    }

    /** Interarrival jitter in seconds (W3C jitter). */
    public double jitterSeconds() {
        return jitter.seconds();
    }

    /** Arrival time of the last valid packet, in executor nanoseconds; meaningful once a packet came. */
    public long lastPacketReceivedNanos() {
        return lastPacketReceivedNanos;
    }

    /** The peer's last sender report for this SSRC, or {@code null}. */
    public SenderReport lastSenderReport() {
        return lastSenderReport;
    }

    /** When {@link #lastSenderReport()} arrived, in executor nanoseconds. */
    public long lastSenderReportNanos() {
        return lastSenderReportNanos;
    }

    /** Sender reports received for this SSRC (W3C remote-outbound-rtp reportsSent). */
    public long senderReportsReceived() {
        return senderReportsReceived;
    }

    /** The sender's clock as its reports tell it (RTP timestamp to sender NTP time). */
    public SenderClock senderClock() {
        return senderClock;
    }
}
