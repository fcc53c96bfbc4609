package dev.parley.media;

import java.util.Optional;

/**
 * The W3C {@code MediaStreamConstraints} of {@link MediaDevices#getUserMedia}: whether to capture
 * audio and video, and with what {@link MediaTrackConstraints}. An absent kind is not captured
 * (the web's {@code false}); {@link MediaTrackConstraints#ANY} is the web's {@code true}.
 */
public record MediaStreamConstraints(Optional<MediaTrackConstraints> audio, Optional<MediaTrackConstraints> video) {

    public MediaStreamConstraints {
        audio = audio == null ? Optional.empty() : audio;
        video = video == null ? Optional.empty() : video;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MediaStreamConstraints}; a kind never set is not captured. */
    public static final class Builder {
        private MediaTrackConstraints audio;
        private MediaTrackConstraints video;

        private Builder() {}

        /** Capture audio from any microphone. */
        public Builder audio() {
            return audio(MediaTrackConstraints.ANY);
        }

        public Builder audio(MediaTrackConstraints constraints) {
            this.audio = constraints;
            return this;
        }

        /** Capture video from any camera. */
        public Builder video() {
            return video(MediaTrackConstraints.ANY);
        }

        public Builder video(MediaTrackConstraints constraints) {
            this.video = constraints;
            return this;
        }

        public MediaStreamConstraints build() {
            return new MediaStreamConstraints(Optional.ofNullable(audio), Optional.ofNullable(video));
        }
    }
}
