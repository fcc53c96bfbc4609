/**
 * The codec SPI ({@link dev.parley.rtc.codec.AudioEncoder}, {@link dev.parley.rtc.codec.AudioDecoder})
 * and the codecs written in Java: G.711 μ-law and A-law ({@link dev.parley.rtc.codec.G711}), plus
 * the {@link dev.parley.rtc.codec.AudioResampler} that lets an encoder take audio at any rate.
 *
 * <p>An RTP sender reads {@link dev.parley.rtc.AudioFrame}s from its track, encodes them and
 * packetizes {@link dev.parley.rtc.codec.EncodedAudio#payload()}, advancing the RTP timestamp by
 * {@link dev.parley.rtc.codec.EncodedAudio#timestampUnits()}; a receiver decodes payloads back into
 * frames at the codec's clock rate. Encoders and decoders keep state between frames and are used
 * from one thread at a time.
 */
package dev.parley.rtc.codec;
