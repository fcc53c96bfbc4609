package dev.parley.rtc;

import java.util.OptionalLong;

/**
 * The W3C {@code RTCRtpEncodingParameters} Parley honours: {@code active} (false stops sending
 * without renegotiation) and {@code maxBitrate} in bits per second (a cap for encoders that can
 * follow one; G.711's rate is fixed).
 */
public record RTCRtpEncodingParameters(boolean active, OptionalLong maxBitrate) {
    public static final RTCRtpEncodingParameters DEFAULT = new RTCRtpEncodingParameters(true, OptionalLong.empty());

    public RTCRtpEncodingParameters {
        if (maxBitrate.isPresent() && maxBitrate.getAsLong() <= 0) {
            throw new RTCException(RTCException.RANGE, "maxBitrate must be positive: " + maxBitrate.getAsLong());
        }
    }

    public RTCRtpEncodingParameters withActive(boolean newActive) {
        return new RTCRtpEncodingParameters(newActive, maxBitrate);
    }

    public RTCRtpEncodingParameters withMaxBitrate(long bitsPerSecond) {
        return new RTCRtpEncodingParameters(active, OptionalLong.of(bitsPerSecond));
    }
}
