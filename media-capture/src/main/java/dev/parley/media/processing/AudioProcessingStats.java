package dev.parley.media.processing;

/**
 * What {@link AudioProcessing} currently knows about the call's audio, for diagnostics and stats.
 *
 * @param delayMillis the estimated delay from a far-end frame's hand-over (on the lower edge of the
 *     speaker's bursts) to its echo in the microphone signal, or NaN while unknown (no echo heard
 *     yet, or echo cancellation off)
 * @param erleDb the linear echo filter's echo return loss enhancement over about the last second
 *     of far-end activity (before residual echo suppression), 0 when unknown
 * @param echoLeak the residual echo's share of the filter's echo estimate (1 = no better than nothing)
 * @param agcGainDb the automatic gain control's current gain
 * @param filterResets how often a diverged echo filter was reset
 * @param renderFramesDropped far-end frames overwritten before the capture side took them
 * @param realignments how often the echo filter's taps were moved to a new delay (the estimate changed, or a
 *     far-clock move went past the filter's range)
 * @param farSilenceFills capture frames for which silence was filled in as the far signal, the speaker
 *     having handed over nothing for 100 ms
 * @param farClockRebases how often the far clock was moved onto the speaker's frames (they came later than
 *     it assumed, or stayed far ahead of it)
 */
public record AudioProcessingStats(double delayMillis, double erleDb, double echoLeak, double agcGainDb,
        long filterResets, long renderFramesDropped, long realignments, long farSilenceFills, long farClockRebases) {
}
