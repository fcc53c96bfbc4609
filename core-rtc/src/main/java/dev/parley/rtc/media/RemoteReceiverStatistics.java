package dev.parley.rtc.media;

import dev.parley.rtc.rtp.ReportBlock;
import java.util.OptionalDouble;

/**
 * What the peer's reception reports say about one of our SSRCs (W3C remote-inbound-rtp): the
 * last fraction lost, cumulative loss and jitter, and the round-trip time each block gives
 * (RFC 3550 §6.4.1: arrival − LSR − DLSR).
 *
 * <p>Not thread-safe: used on the peer connection's executor.
 */
public final class RemoteReceiverStatistics {
    private final long ssrc;
    private final int clockRate;
    private long reportsReceived;
    private int fractionLost;
    private long packetsLost;
    private long jitter;
    private long extendedHighestSequence;
    private double roundTripTime = Double.NaN;
    private double totalRoundTripTime;
    private long roundTripTimeMeasurements;
    private long roundTripTimesRejected;

    /** @param clockRate the clock rate of the stream, to turn the reported jitter into seconds */
    public RemoteReceiverStatistics(long ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Takes a report block about this SSRC.
     *
     * @param arrivalMiddle32 the middle 32 bits of our NTP time when the block arrived
     *                        ({@link NtpClock#middle32(long)})
     * @throws IllegalArgumentException if the block is about another SSRC
     */
    public void onReportBlock(ReportBlock block, long arrivalMiddle32) {
        if (block.ssrc() != ssrc) {
            throw new IllegalArgumentException("report block on SSRC " + block.ssrc() + " given to the statistics of " + ssrc);
        }
        reportsReceived++;
        fractionLost = block.fractionLost();
        packetsLost = block.cumulativeLost();
        jitter = block.jitter();
        extendedHighestSequence = block.extendedHighestSequence();
        if (block.lastSenderReport() == 0) {
            return; // the peer has no sender report of ours yet: no round trip to measure
        }
        OptionalDouble rtt = NtpClock.roundTripTime(arrivalMiddle32, block.lastSenderReport(),
                block.delaySinceLastSenderReport());
        if (rtt.isEmpty()) {
            roundTripTimesRejected++;
            return;
        }
        roundTripTime = rtt.getAsDouble();
        totalRoundTripTime += roundTripTime;
        roundTripTimeMeasurements++;
    }

    public long ssrc() {
        return ssrc;
    }

    /** Report blocks received about this SSRC (W3C reportsReceived). */
    public long reportsReceived() {
        return reportsReceived;
    }

    /** The last reported fraction lost, 0..1 (W3C fractionLost). */
    public double fractionLost() {
        return fractionLost / 256.0;
    }

    /** The last reported cumulative loss; negative when the peer got duplicates (W3C packetsLost). */
    public long packetsLost() {
        return packetsLost;
    }

    /** The last reported jitter in seconds (W3C jitter). */
    public double jitterSeconds() {
        return (double) jitter / clockRate;
    }

    /** The last reported extended highest sequence number. */
    public long extendedHighestSequence() {
        return extendedHighestSequence;
    }

    /** The latest round-trip time in seconds, or NaN before the first measurement (W3C roundTripTime). */
    public double roundTripTime() {
        return roundTripTime;
    }

    /** Sum of all round-trip times measured, in seconds (W3C totalRoundTripTime). */
    public double totalRoundTripTime() {
        return totalRoundTripTime;
    }

    /** Round-trip times measured (W3C roundTripTimeMeasurements). */
    public long roundTripTimeMeasurements() {
        return roundTripTimeMeasurements;
    }

    /** Blocks whose LSR and DLSR gave a negative round trip beyond rounding (bogus input, ignored). */
    public long roundTripTimesRejected() {
        return roundTripTimesRejected;
    }
}
