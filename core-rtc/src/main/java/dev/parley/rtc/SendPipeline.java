package dev.parley.rtc;

import dev.parley.rtc.sdp.CodecCapability;
import java.util.List;
import java.util.OptionalLong;

/** What turns a sender's track into RTP: configured by negotiation, fed by the track. */
interface SendPipeline {

    /** Starts taking frames from the track; closing the result stops. */
    AutoCloseable attach(MediaStreamTrack track);

    /**
     * The negotiated way to send, or {@link SendConfig#NONE} when the m-line does not send.
     * On the executor.
     */
    void configure(SendConfig config);

    /** {@code RTCRtpEncodingParameters.active}. */
    void setActive(boolean active);

    void stop();

    List<CodecCapability> negotiatedCodecs();

    /** The receiver lost its picture (PLI, FIR): the next frame should be a key frame. Any thread. */
    default void requestKeyFrame() {}

    /** What congestion control allows this sender, in bits per second. Any thread. */
    default void setTargetBitrate(int bitsPerSecond) {}

    /**
     * {@code RTCRtpEncodingParameters.maxBitrate} (empty: no cap of the application's). Any thread.
     * Audio ignores it: its encoders run at their codec's fixed rate (Opus 32 kbit/s), far under
     * any cap an application would set to save bandwidth.
     */
    default void setMaxBitrate(OptionalLong bitsPerSecond) {}

    /** The most this sender would send now (its caps), for how far bandwidth probing goes. Any thread. */
    default long wantedBitrate() {
        return 0;
    }
}
