/**
 * The codec SPI ({@link dev.parley.rtc.codec.AudioEncoder}, {@link dev.parley.rtc.codec.AudioDecoder},
 * {@link dev.parley.rtc.codec.VideoEncoder}, {@link dev.parley.rtc.codec.VideoDecoder}), the
 * {@link dev.parley.rtc.codec.CodecRegistry} of codec factories that the engine's
 * {@code MediaEngine} offers from, the codecs written in Java: G.711 μ-law and A-law
 * ({@link dev.parley.rtc.codec.G711}), the {@link dev.parley.rtc.codec.AudioResampler} that lets an
 * encoder take audio at any rate, and VP8, H.264 and Opus through FFmpeg's avcodec
 * ({@link dev.parley.rtc.codec.Vp8Codec}, {@link dev.parley.rtc.codec.H264Codec},
 * {@link dev.parley.rtc.codec.OpusCodec}), whose natives {@link dev.parley.rtc.codec.FfmpegNatives}
 * loads on first use.
 *
 * <p>An RTP sender reads {@link dev.parley.rtc.AudioFrame}s from its track, encodes them and
 * packetizes {@link dev.parley.rtc.codec.EncodedAudio#payload()}, advancing the RTP timestamp by
 * {@link dev.parley.rtc.codec.EncodedAudio#timestampUnits()}; a receiver decodes payloads back into
 * frames at the codec's clock rate. A video sender encodes {@link dev.parley.rtc.VideoFrame}s into
 * {@link dev.parley.rtc.codec.EncodedVideoFrame}s, which a packetizer of {@code dev.parley.rtc.media}
 * cuts into RTP payloads. Encoders and decoders keep state between frames and are used from one
 * thread at a time; the FFmpeg ones hold native memory until {@code close()}.
 */
package dev.parley.rtc.codec;
