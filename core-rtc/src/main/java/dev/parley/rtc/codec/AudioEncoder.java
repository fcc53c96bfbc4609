package dev.parley.rtc.codec;

import dev.parley.rtc.AudioFrame;

/**
 * Turns audio frames into RTP payloads of one codec. An encoder takes frames of any sample rate
 * and channel count and converts them itself (downmix, resampling) to what the codec carries.
 * Stateful (resampler history, codec state): one encoder per RTP stream, fed from one thread.
 */
public interface AudioEncoder {

    /** The codec's RTP encoding name as SDP spells it ({@code a=rtpmap}): "PCMU", "opus". */
    String name();

    /** The RTP clock rate (RFC 3550 §5.1): 8000 for G.711, 48000 for Opus. */
    int clockRate();

    /** The channel count the payload carries (and {@code a=rtpmap} signals). */
    int channels();

    /**
     * Encodes one frame. The result covers the frame's duration at {@link #clockRate()}; with a
     * resampler in between, frame by frame the count may differ by one from the exact ratio, but
     * the running total never drifts.
     */
    EncodedAudio encode(AudioFrame frame);
}
