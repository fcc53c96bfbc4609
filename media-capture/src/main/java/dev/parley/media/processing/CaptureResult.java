package dev.parley.media.processing;

/**
 * What {@link AudioProcessing#processCapture} learnt about one 10 ms capture frame.
 *
 * @param voiceActive whether the processed frame holds near-end speech (for Opus DTX and the level meter)
 * @param levelDbfs the processed frame's RMS level in dBFS (-127 for digital silence)
 */
public record CaptureResult(boolean voiceActive, double levelDbfs) {
}
