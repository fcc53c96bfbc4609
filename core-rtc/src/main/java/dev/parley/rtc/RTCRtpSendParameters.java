package dev.parley.rtc;

import java.util.List;
import java.util.Objects;

/**
 * The W3C {@code RTCRtpSendParameters}: what {@link RTCRtpSender#getParameters()} returns and
 * {@link RTCRtpSender#setParameters} takes back. The {@code transactionId} ties the two: W3C
 * rejects parameters that did not come from the latest {@code getParameters()}.
 *
 * @param codecs the negotiated send codecs ({@code mimeType} such as {@code audio/PCMU}), read-only
 */
public record RTCRtpSendParameters(String transactionId, List<RTCRtpEncodingParameters> encodings, List<String> codecs) {
    public RTCRtpSendParameters {
        Objects.requireNonNull(transactionId, "transactionId");
        encodings = List.copyOf(encodings);
        codecs = List.copyOf(codecs);
    }

    /** A copy with one encoding replaced (Parley sends one encoding per sender). */
    public RTCRtpSendParameters withEncoding(RTCRtpEncodingParameters encoding) {
        return new RTCRtpSendParameters(transactionId, List.of(encoding), codecs);
    }
}
