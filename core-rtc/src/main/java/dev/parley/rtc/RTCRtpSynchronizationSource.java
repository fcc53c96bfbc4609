package dev.parley.rtc;

import java.util.OptionalDouble;

/**
 * The W3C {@code RTCRtpSynchronizationSource} (webrtc-pc §5.4): an SSRC this receiver got packets
 * from in the last 10 seconds. The dictionary adds nothing to {@link RTCRtpContributingSource}
 * (its {@code voiceActivityFlag} was removed from the spec); it is a type of its own as in the W3C API.
 *
 * @param timestamp    when the last packet of the source arrived, in milliseconds since the Unix
 *                     epoch (a DOMHighResTimeStamp on the performance.timeOrigin scale)
 * @param source       the SSRC
 * @param audioLevel   audio only, from the RFC 6464 ssrc-audio-level element of that packet:
 *                     linear 0..1, 1.0 being 0 dBov; empty where the packet had none
 * @param rtpTimestamp the RTP timestamp of that packet
 */
public record RTCRtpSynchronizationSource(double timestamp, long source, OptionalDouble audioLevel,
                                          long rtpTimestamp) {}
