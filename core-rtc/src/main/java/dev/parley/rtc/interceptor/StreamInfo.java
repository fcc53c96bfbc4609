package dev.parley.rtc.interceptor;

import java.util.Objects;

/**
 * What an interceptor is told about one RTP stream (one SSRC) when the peer connection binds it.
 *
 * @param ssrc            the stream's SSRC (unsigned 32 bits)
 * @param payloadType     the payload type the stream uses (0..127)
 * @param clockRate       RTP clock rate of that payload type, in Hz (timestamps count its ticks)
 * @param mid             the media section's MID (RFC 8843), or {@code null} when none is known
 * @param kind            {@code "audio"} or {@code "video"}, as W3C stats spell it
 * @param cname           the CNAME (RFC 7022) of the stream's source, or {@code null} when unknown
 *                        (a remote stream whose SDES has not arrived)
 * @param rtcpReducedSize whether reduced-size RTCP (RFC 5506) was negotiated, so feedback may be
 *                        sent without a report in front of it
 */
public record StreamInfo(long ssrc, int payloadType, int clockRate, String mid, String kind, String cname,
                         boolean rtcpReducedSize) {
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";

    public StreamInfo {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        Objects.requireNonNull(kind, "kind");
        if (!kind.equals(AUDIO) && !kind.equals(VIDEO)) {
            throw new IllegalArgumentException("kind must be \"audio\" or \"video\", got \"" + kind + "\"");
        }
    }
}
