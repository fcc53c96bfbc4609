package dev.parley.rtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An RTP codec as an m= section describes it: {@code a=rtpmap} (name, clock rate, channels),
 * {@code a=fmtp} parameters and {@code a=rtcp-fb} values for one payload type. In a
 * {@link MediaSectionPlan} it is what we support, with the payload type we prefer; in a
 * {@link NegotiatedMedia} it is what was agreed, with the payload type in use.
 *
 * <p>RTX (RFC 4588 §8) is a codec named {@code rtx} whose {@code apt} parameter names the payload
 * type it repairs.
 *
 * @param channels     audio channels; 1 for video
 * @param fmtp         the fmtp parameters in order (a key without value, e.g. RED's
 *                     {@code 111/111}, maps to ""); empty when there is no a=fmtp
 * @param rtcpFeedback rtcp-fb values such as {@code "nack"}, {@code "nack pli"}, {@code "ccm fir"}
 */
public record CodecCapability(String name, int clockRate, int channels, Map<String, String> fmtp,
                              List<String> rtcpFeedback, int payloadType) {
    public static final String RTX = "rtx";
    public static final String RED = "red";
    /** Codecs that carry no media of their own: they repair, protect or signal (RFC 4588, 2198, 5109, 3389, 4733). */
    private static final Set<String> AUXILIARY = Set.of(RTX, RED, "ulpfec", "flexfec-03", "cn", "telephone-event");

    public CodecCapability {
        if (!SdpTokens.isToken(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("codec name must be a token: " + name);
        }
        if (clockRate <= 0 || channels < 1 || channels > 255) {
            throw new IllegalArgumentException("bad clock rate/channels " + clockRate + "/" + channels + " for " + name);
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        fmtp = Collections.unmodifiableMap(new LinkedHashMap<>(fmtp));
        fmtp.forEach((k, v) -> {
            if (k.isEmpty() || !SdpLine.isValidText(k) || !SdpLine.isValidText(v)
                    || k.indexOf(';') >= 0 || v.indexOf(';') >= 0 || k.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad fmtp parameter " + k + "=" + v + " for " + name);
            }
        });
        rtcpFeedback = List.copyOf(rtcpFeedback);
        rtcpFeedback.forEach(fb -> {
            if (!SdpLine.isValidText(fb) || SdpTokens.split(fb).isEmpty()) {
                throw new IllegalArgumentException("bad rtcp-fb value '" + fb + "' for " + name);
            }
        });
    }

    /** A codec without fmtp parameters or feedback, e.g. PCMU. */
    public CodecCapability(String name, int clockRate, int channels, int payloadType) {
        this(name, clockRate, channels, Map.of(), List.of(), payloadType);
    }

    /** An RTX codec repairing {@code associatedPayloadType} (RFC 4588 §8.1). */
    public static CodecCapability rtx(int payloadType, int clockRate, int associatedPayloadType) {
        return new CodecCapability(RTX, clockRate, 1, Map.of("apt", Integer.toString(associatedPayloadType)),
                List.of(), payloadType);
    }

    public boolean isRtx() {
        return RTX.equalsIgnoreCase(name);
    }

    public boolean isRed() {
        return RED.equalsIgnoreCase(name);
    }

    /** False for RTX, RED, FEC, comfort noise and DTMF events, which only accompany a media codec. */
    public boolean isMediaCodec() {
        return !AUXILIARY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The RTX {@code apt} parameter as a payload type, if this is RTX and it has a valid one. */
    public OptionalInt associatedPayloadType() {
        String apt = isRtx() ? fmtp.get("apt") : null;
        if (apt == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(SdpTokens.payloadType(apt));
        } catch (SdpParseException notAPayloadType) {
            return OptionalInt.empty();
        }
    }

    /** One fmtp parameter, or {@code defaultValue} when absent. */
    public String parameter(String key, String defaultValue) {
        return fmtp.getOrDefault(key, defaultValue);
    }

    /** Same name (ignoring case, RFC 4855 §3), clock rate and channel count. */
    boolean sameEncoding(CodecCapability other) {
        return name.equalsIgnoreCase(other.name) && clockRate == other.clockRate && channels == other.channels;
    }

    public CodecCapability withPayloadType(int newPayloadType) {
        return new CodecCapability(name, clockRate, channels, fmtp, rtcpFeedback, newPayloadType);
    }

    CodecCapability withFmtp(Map<String, String> newFmtp) {
        return new CodecCapability(name, clockRate, channels, newFmtp, rtcpFeedback, payloadType);
    }

    CodecCapability withRtcpFeedback(List<String> newFeedback) {
        return new CodecCapability(name, clockRate, channels, fmtp, newFeedback, payloadType);
    }
}
