package dev.parley.rtc;

import java.util.OptionalDouble;

/**
 * The W3C {@code RTCRtpContributingSource} (webrtc-pc §5.4): a CSRC that contributed to packets
 * this receiver got in the last 10 seconds.
 *
 * @param timestamp    when the last packet naming the source arrived, in milliseconds since the
 *                     Unix epoch (a DOMHighResTimeStamp on the performance.timeOrigin scale)
 * @param source       the CSRC
 * @param audioLevel   audio only, from the RFC 6465 csrc-audio-level element where the packet had
 *                     one: linear 0..1, 1.0 being 0 dBov; otherwise empty
 * @param rtpTimestamp the RTP timestamp of that packet
 */
public record RTCRtpContributingSource(double timestamp, long source, OptionalDouble audioLevel, long rtpTimestamp) {}
