package dev.parley.rtc;

import dev.parley.rtc.sdp.CodecCapability;
import java.util.List;

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

    /** For a kind without a pipeline yet (video until #6): negotiates, sends nothing. */
    SendPipeline NONE = new SendPipeline() {
        private volatile List<CodecCapability> codecs = List.of();

        @Override
        public AutoCloseable attach(MediaStreamTrack track) {
            return () -> {};
        }

        @Override
        public void configure(SendConfig config) {
            codecs = config.codecs();
        }

        @Override
        public void setActive(boolean active) {}

        @Override
        public void stop() {}

        @Override
        public List<CodecCapability> negotiatedCodecs() {
            return codecs;
        }
    };
}
