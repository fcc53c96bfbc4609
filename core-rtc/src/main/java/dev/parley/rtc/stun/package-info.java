/**
 * STUN (RFC 8489) messages and attributes, with what ICE (RFC 8445) and TURN (RFC 8656) add,
 * and TURN ChannelData framing (RFC 8656 §12.4).
 *
 * <pre>
 *  received bytes ──► StunMessage.looksLikeStun ──► StunMessage.parse ──► typed attributes
 *        │                                                  (first/all, unknownComprehensionRequired)
 *        └──────────► StunIntegrity.checkIntegrity / checkIntegritySha256 / checkFingerprint
 *                     (always on the raw bytes, never on a re-serialisation)
 *
 *  StunMessage.builder(...).add(...).addMessageIntegrity(key).addFingerprint().toBytes() ──► wire
 *  keys: StunCredentials.shortTermKey / longTermKey / longTermKeySha256
 * </pre>
 *
 * Parsers throw only {@link dev.parley.rtc.stun.StunParseException}; parse then write gives
 * back the received bytes.
 */
package dev.parley.rtc.stun;
