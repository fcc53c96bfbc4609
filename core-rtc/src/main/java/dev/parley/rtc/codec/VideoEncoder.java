package dev.parley.rtc.codec;

import dev.parley.rtc.VideoFrame;
import java.util.Optional;

/**
 * Turns pictures into encoded frames of one codec at a bitrate the sender sets (and may change
 * while it runs, as congestion control asks). Stateful: one encoder per RTP stream, fed from one
 * thread. Holds native memory: {@link #close()} frees it, and an encoder is not used after.
 *
 * <p>The picture size may change between frames (a camera switch, a resolution step down): the
 * encoder starts again at the new size with a key frame.
 */
public interface VideoEncoder extends AutoCloseable {

    /** The codec's RTP encoding name as SDP spells it ({@code a=rtpmap}): "VP8", "H264". */
    String name();

    /** RTP clock rate: 90 kHz for every video payload format. */
    default int clockRate() {
        return EncodedVideoFrame.CLOCK_RATE;
    }

    /**
     * Encodes one picture.
     *
     * @return the encoded frame, or empty when the encoder dropped the picture (its rate control may
     *     skip pictures to keep to the bitrate)
     * @throws VideoEncodeException if the codec library failed
     */
    Optional<EncodedVideoFrame> encode(VideoFrame frame) throws VideoEncodeException;

    /** Makes the next encoded frame a key frame (the receiver sent PLI or FIR, or a stream starts). */
    void requestKeyFrame();

    /** The bitrate to aim for from the next frame on, in bits per second. */
    void setTargetBitrate(int bitsPerSecond);

    /** How many frames per second the source delivers, which the rate control divides the bitrate by. */
    void setFrameRate(double framesPerSecond);

    /** Frees the native encoder; idempotent. */
    @Override
    void close();
}
