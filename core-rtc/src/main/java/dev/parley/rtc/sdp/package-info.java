/**
 * SDP (RFC 8866) as used by JSEP (RFC 8829) and WebRTC.
 *
 * <p>{@link dev.parley.rtc.sdp.SessionDescription#parse(String)} splits the text into
 * {@link dev.parley.rtc.sdp.SdpLine}s (CRLF or bare LF), checks the structure and every line and
 * attribute it knows, and keeps the lines in order as the source of truth: writing gives the
 * same lines back with CRLF endings, unknown lines and attributes included. Typed views
 * ({@code media.rtpMaps()}, {@code media.candidates()}, {@code session.bundleGroups()}, …) are
 * records parsed from those lines; each record writes itself back with {@code toValue()} /
 * {@code toAttribute()}, which builders and {@code with…} methods use to make new descriptions.
 *
 * <p>Every parser throws only {@link dev.parley.rtc.sdp.SdpParseException}; constructors and
 * builders, used by our own code, throw {@link IllegalArgumentException} for invalid values.
 *
 * <p>JSEP (RFC 8829) rules are pure functions over this model, for the peer connection, which
 * keeps the state: {@link dev.parley.rtc.sdp.JsepOffer} and {@link dev.parley.rtc.sdp.JsepAnswer}
 * write descriptions from {@link dev.parley.rtc.sdp.MediaSectionPlan}s,
 * {@link dev.parley.rtc.sdp.JsepValidator} checks remote ones, and
 * {@link dev.parley.rtc.sdp.JsepNegotiation} reads what an offer and its answer agreed into a
 * {@link dev.parley.rtc.sdp.NegotiatedSession}. Remote input they refuse raises
 * {@link dev.parley.rtc.sdp.JsepException}.
 */
package dev.parley.rtc.sdp;
