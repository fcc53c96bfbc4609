package dev.parley.media.processing;

/**
 * Which stages of {@link AudioProcessing} run on a microphone track: the W3C constraints
 * {@code echoCancellation}, {@code noiseSuppression} and {@code autoGainControl}, each on by
 * default as in browsers.
 */
public record AudioProcessingConfig(boolean echoCancellation, boolean noiseSuppression, boolean autoGainControl) {
    /** Every stage on: what a track gets when nobody asks otherwise. */
    public static final AudioProcessingConfig DEFAULT = new AudioProcessingConfig(true, true, true);
    /** Every stage off: the microphone's samples untouched. */
    public static final AudioProcessingConfig NONE = new AudioProcessingConfig(false, false, false);

    /** True when at least one stage changes the samples. */
    public boolean anyEnabled() {
        return echoCancellation || noiseSuppression || autoGainControl;
    }
}
