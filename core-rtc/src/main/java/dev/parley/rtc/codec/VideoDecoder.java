package dev.parley.rtc.codec;

import dev.parley.rtc.VideoFrame;
import java.util.Optional;

/**
 * Turns whole encoded frames of one codec (assembled from their RTP packets by a depacketizer)
 * back into pictures. Stateful: one decoder per RTP stream, fed from one thread, in decoding order.
 * Holds native memory: {@link #close()} frees it.
 */
public interface VideoDecoder extends AutoCloseable {

    /** The codec's RTP encoding name: "VP8", "H264". */
    String name();

    /**
     * Decodes one frame.
     *
     * @param data a whole VP8 frame or an H.264 access unit in Annex B form
     * @param captureTimeNanos becomes the picture's capture time
     * @return the picture, or empty when the codec produced none for this input (it needs more, e.g.
     *     H.264 parameter sets without a picture)
     * @throws VideoDecodeException if the data is not decodable (corrupt, or a delta frame without
     *     its reference): the receiver counts it and asks for a key frame
     */
    Optional<VideoFrame> decode(byte[] data, long captureTimeNanos) throws VideoDecodeException;

    /** Frees the native decoder; idempotent. */
    @Override
    void close();
}
