package dev.parley.rtc.codec;

import java.util.Map;

/**
 * One audio codec as the {@code MediaEngine} registers it: how SDP describes it and how to make
 * its encoders and decoders. A codec backed by native code checks (and loads) its library only
 * when first asked, so a registry costs nothing until a call needs the codec.
 */
public interface AudioCodecFactory {

    /** RTP encoding name as SDP spells it: "opus", "PCMU". */
    String name();

    int clockRate();

    /** Channels as {@code a=rtpmap} signals them (Opus: always 2, RFC 7587 §7). */
    int channels();

    /** {@code a=fmtp} parameters we offer. */
    Map<String, String> fmtp();

    /** The payload type offered when nothing else is agreed yet. */
    int preferredPayloadType();

    /** Loads the codec's library if needed; throws if it can not run here. */
    void checkAvailable() throws CodecUnavailableException;

    AudioEncoder createEncoder() throws CodecUnavailableException;

    AudioDecoder createDecoder() throws CodecUnavailableException;
}
