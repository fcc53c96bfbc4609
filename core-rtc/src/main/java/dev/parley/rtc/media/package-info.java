/**
 * RTP streams: numbering outgoing packets ({@link dev.parley.rtc.media.RtpSendStream}), counting
 * what is sent and received ({@link dev.parley.rtc.media.RtpSendStatistics},
 * {@link dev.parley.rtc.media.RtpReceiveStatistics}, RFC 3550 Appendix A), what the peer reports
 * about our streams ({@link dev.parley.rtc.media.RemoteReceiverStatistics}) and the NTP time of
 * RTCP ({@link dev.parley.rtc.media.NtpClock}); the RTP payload formats: packetizers and
 * depacketizers for VP8 (RFC 7741), H.264 (RFC 6184) and Opus (RFC 7587), whose only failure on
 * bad bytes is {@link dev.parley.rtc.media.PayloadParseException}, sized by
 * {@link dev.parley.rtc.media.PayloadSize}; the audio jitter buffer
 * ({@link dev.parley.rtc.media.AudioJitterBuffer}), which turns received packets into a steady
 * playout of 10 ms frames. Pacing will join them.
 *
 * <p>The classes here are not thread-safe: a peer connection uses them on its serial executor.
 */
package dev.parley.rtc.media;
