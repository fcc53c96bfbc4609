package dev.parley.rtc.codec;

import dev.parley.rtc.AudioFrame;

/**
 * Turns RTP payloads of one codec back into audio frames at the codec's clock rate and channel
 * count. Stateful: one decoder per RTP stream, fed from one thread.
 */
public interface AudioDecoder {

    /** The codec's RTP encoding name as SDP spells it: "PCMU", "opus". */
    String name();

    /** The rate of the decoded frames, which is the RTP clock rate. */
    int clockRate();

    /** The channel count of the decoded frames. */
    int channels();

    /**
     * Decodes {@code length} payload bytes from {@code offset}.
     *
     * @param receiveTimeNanos becomes the frame's capture time, on the {@link System#nanoTime()} clock
     * @throws AudioDecodeException if the payload is not valid for this codec (G.711 never throws:
     *     every byte is a valid sample)
     * @throws IndexOutOfBoundsException if offset and length do not lie within {@code payload}
     */
    AudioFrame decode(byte[] payload, int offset, int length, long receiveTimeNanos) throws AudioDecodeException;

    /**
     * Audio to play in place of a lost packet of {@code samplesPerChannel} samples (packet loss
     * concealment). Codecs with their own concealment (Opus) extrapolate from what they decoded;
     * the default is silence.
     */
    default AudioFrame conceal(int samplesPerChannel, long receiveTimeNanos) {
        return AudioFrame.silence(clockRate(), channels(), samplesPerChannel, receiveTimeNanos);
    }

    /**
     * Whether {@link #decodeFec} really recovers audio from forward error correction; when false
     * it only conceals, and a receiver counts its output as concealment.
     */
    default boolean decodesFec() {
        return false;
    }

    /**
     * Recovers a lost packet of {@code samplesPerChannel} samples from the forward error correction
     * that the packet after it carries ({@code next}), where the codec has such a thing (Opus
     * in-band FEC, RFC 6716 §2.1.7); otherwise conceals, as the default does. Decode {@code next}
     * itself afterwards as usual.
     *
     * @throws AudioDecodeException if {@code next} is not valid for this codec
     */
    default AudioFrame decodeFec(byte[] next, int offset, int length, int samplesPerChannel, long receiveTimeNanos)
            throws AudioDecodeException {
        return conceal(samplesPerChannel, receiveTimeNanos);
    }
}
