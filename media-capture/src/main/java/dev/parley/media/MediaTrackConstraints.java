package dev.parley.media;

/**
 * The W3C {@code MediaTrackConstraints} for one track: which device and in what format. Every
 * member may be null (no wish). {@code echoCancellation}, {@code noiseSuppression} and
 * {@code autoGainControl} pick the audio processing stages of a microphone track (null: on for a
 * real microphone, as in browsers; off for a synthetic one); {@code getSettings()} reports what
 * runs. Build with {@link #builder()}.
 */
public record MediaTrackConstraints(
        ConstrainString deviceId,
        ConstrainNumber width,
        ConstrainNumber height,
        ConstrainNumber frameRate,
        ConstrainNumber sampleRate,
        ConstrainNumber channelCount,
        Boolean echoCancellation,
        Boolean noiseSuppression,
        Boolean autoGainControl) {

    /** No wishes: any device of the kind, in its default format. */
    public static final MediaTrackConstraints ANY = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these constraints. */
    public Builder toBuilder() {
        return new Builder().deviceId(deviceId).width(width).height(height).frameRate(frameRate)
                .sampleRate(sampleRate).channelCount(channelCount).echoCancellation(echoCancellation)
                .noiseSuppression(noiseSuppression).autoGainControl(autoGainControl);
    }

    /** Builds {@link MediaTrackConstraints}; unset members stay null. */
    public static final class Builder {
        private ConstrainString deviceId;
        private ConstrainNumber width;
        private ConstrainNumber height;
        private ConstrainNumber frameRate;
        private ConstrainNumber sampleRate;
        private ConstrainNumber channelCount;
        private Boolean echoCancellation;
        private Boolean noiseSuppression;
        private Boolean autoGainControl;

        private Builder() {}

        public Builder deviceId(ConstrainString value) {
            this.deviceId = value;
            return this;
        }

        public Builder width(ConstrainNumber value) {
            this.width = value;
            return this;
        }

        public Builder height(ConstrainNumber value) {
            this.height = value;
            return this;
        }

        public Builder frameRate(ConstrainNumber value) {
            this.frameRate = value;
            return this;
        }

        public Builder sampleRate(ConstrainNumber value) {
            this.sampleRate = value;
            return this;
        }

        public Builder channelCount(ConstrainNumber value) {
            this.channelCount = value;
            return this;
        }

        public Builder echoCancellation(Boolean value) {
            this.echoCancellation = value;
            return this;
        }

        public Builder noiseSuppression(Boolean value) {
            this.noiseSuppression = value;
            return this;
        }

        public Builder autoGainControl(Boolean value) {
            this.autoGainControl = value;
            return this;
        }

        public MediaTrackConstraints build() {
            return new MediaTrackConstraints(deviceId, width, height, frameRate, sampleRate, channelCount,
                    echoCancellation, noiseSuppression, autoGainControl);
        }
    }
}
