/**
 * Loss recovery by retransmission: the receiver asks for what it missed with generic NACKs
 * (RFC 4585 §6.2.1, {@link dev.parley.rtc.interceptor.nack.NackGenerator}), the sender answers
 * from the packets it keeps, on the stream's RTX SSRC (RFC 4588,
 * {@link dev.parley.rtc.interceptor.nack.NackResponder}).
 */
package dev.parley.rtc.interceptor.nack;
