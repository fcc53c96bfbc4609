/**
 * RTP and RTCP packets as WebRTC uses them: parse from bytes into immutable values, write back.
 *
 * <ul>
 *   <li>{@link dev.parley.rtc.rtp.RtpPacket} (RFC 3550 §5.1) with
 *       {@link dev.parley.rtc.rtp.RtpHeaderExtension} (RFC 8285 one- and two-byte forms, by local id).</li>
 *   <li>{@link dev.parley.rtc.rtp.RtcpCompound} (RFC 3550 §6.1, reduced-size per RFC 5506) of
 *       {@link dev.parley.rtc.rtp.RtcpPacket}s: SR, RR, SDES, BYE, APP, generic NACK, TWCC, PLI,
 *       FIR, REMB, XR (RRTR, DLRR); other types kept raw.</li>
 *   <li>{@link dev.parley.rtc.rtp.RtpOrRtcp} tells them apart on a shared port (RFC 5761 §4).</li>
 * </ul>
 *
 * Parsers throw only {@link dev.parley.rtc.rtp.RtpParseException}; well-formed input writes back
 * byte for byte. Values built by code are range-checked with {@link IllegalArgumentException}.
 */
package dev.parley.rtc.rtp;
