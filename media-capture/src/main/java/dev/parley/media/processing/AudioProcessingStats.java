package dev.parley.media.processing;

/**
 * What {@link AudioProcessing} currently knows about the call's audio, for diagnostics and stats.
 *
 * @param delayMillis the estimated delay from a far-end frame's hand-over to its echo in the
 *     microphone signal, or NaN while unknown (no echo heard yet, or echo cancellation off)
 * @param erleDb the linear echo filter's echo return loss enhancement over about the last second
 *     of far-end activity (before residual echo suppression), 0 when unknown
 * @param echoLeak the residual echo's share of the filter's echo estimate (1 = no better than nothing)
 * @param agcGainDb the automatic gain control's current gain
 * @param filterResets how often a diverged echo filter was reset
 * @param renderFramesDropped far-end frames overwritten before the capture side took them
 */
public record AudioProcessingStats(double delayMillis, double erleDb, double echoLeak, double agcGainDb,
        long filterResets, long renderFramesDropped) {
}
