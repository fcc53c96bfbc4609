package dev.parley.rtc.codec;

import java.util.Map;

/**
 * One video codec as the {@code MediaEngine} registers it: how SDP describes it and how to make
 * its encoders and decoders. Native libraries load on the first {@link #checkAvailable()} or
 * create call, not before.
 */
public interface VideoCodecFactory {

    /** RTP encoding name as SDP spells it: "VP8", "H264". */
    String name();

    /** {@code a=fmtp} parameters we offer (H.264: profile-level-id, packetization-mode). */
    Map<String, String> fmtp();

    /** The payload type offered when nothing else is agreed; its RTX gets the next one. */
    int preferredPayloadType();

    /** Loads the codec's library if needed; throws if it can not run here. */
    void checkAvailable() throws CodecUnavailableException;

    VideoEncoder createEncoder(VideoEncoderConfig config) throws CodecUnavailableException;

    VideoDecoder createDecoder() throws CodecUnavailableException;
}
