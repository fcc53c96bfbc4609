package dev.parley.rtc.interceptor;

import java.util.Map;
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
 * @param nack            whether generic NACK ({@code a=rtcp-fb:<pt> nack}, RFC 4585) was negotiated
 *                        for the stream's payload type
 * @param rtxSsrc         the SSRC of the stream's retransmission stream (RFC 4588, an FID group),
 *                        or {@link #NO_RTX}
 * @param rtxPayloadType  the RTX payload type whose {@code apt} is {@code payloadType}, or {@link #NO_RTX}
 * @param headerExtensions the negotiated RTP header extensions (RFC 8285) of the stream's media
 *                        section: URI to local id
 */
public record StreamInfo(long ssrc, int payloadType, int clockRate, String mid, String kind, String cname,
                         boolean rtcpReducedSize, boolean nack, long rtxSsrc, int rtxPayloadType,
                         Map<String, Integer> headerExtensions) {
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";
    /** {@link #rtxSsrc} and {@link #rtxPayloadType} of a stream without retransmissions. */
    public static final int NO_RTX = -1;

    /** A stream without NACK and RTX (audio, or video where they were not negotiated). */
    public StreamInfo(long ssrc, int payloadType, int clockRate, String mid, String kind, String cname,
            boolean rtcpReducedSize) {
        this(ssrc, payloadType, clockRate, mid, kind, cname, rtcpReducedSize, false, NO_RTX, NO_RTX, Map.of());
    }

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
        headerExtensions = Map.copyOf(headerExtensions);
        if ((rtxSsrc == NO_RTX) != (rtxPayloadType == NO_RTX)) {
            throw new IllegalArgumentException("an RTX stream needs both its SSRC and its payload type, got SSRC "
                    + rtxSsrc + " and payload type " + rtxPayloadType);
        }
        if (rtxSsrc != NO_RTX && (rtxSsrc < 0 || rtxSsrc > 0xFFFF_FFFFL || rtxSsrc == ssrc)) {
            throw new IllegalArgumentException("the RTX SSRC must be an unsigned 32-bit value other than the media's, got "
                    + rtxSsrc);
        }
        if (rtxPayloadType != NO_RTX && (rtxPayloadType < 0 || rtxPayloadType > 127 || rtxPayloadType == payloadType)) {
            throw new IllegalArgumentException("the RTX payload type must be 0..127 and not the media's, got "
                    + rtxPayloadType);
        }
    }

    /** The local id of the header extension {@code uri}, or 0 when it was not negotiated. */
    public int extensionId(String uri) {
        return headerExtensions.getOrDefault(uri, 0);
    }

    /** Whether lost packets are retransmitted on a separate RTX stream (else, where NACK is on, in place). */
    public boolean hasRtx() {
        return rtxSsrc != NO_RTX;
    }
}
