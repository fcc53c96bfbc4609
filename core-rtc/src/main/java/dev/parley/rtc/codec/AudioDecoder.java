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
}
