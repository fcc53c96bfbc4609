package dev.parley.rtc;

import dev.parley.rtc.codec.AudioDecodeException;
import dev.parley.rtc.codec.AudioDecoder;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import java.util.HashMap;
import java.util.Map;

/** One decoder per negotiated codec of a receiver, made on the codec's first packet. */
final class DecoderSet {
    private final MediaEngine engine;
    private final Map<CodecCapability, AudioDecoder> decoders = new HashMap<>();
    private long failures;

    DecoderSet(MediaEngine engine) {
        this.engine = engine;
    }

    /** Payloads a decoder refused (counted, dropped). */
    long failures() {
        return failures;
    }

    /** The decoded frame, or null if Parley has no decoder for the codec. */
    AudioFrame decode(CodecCapability codec, RtpPacket packet, long receiveTimeNanos) {
        AudioDecoder decoder = decoders.computeIfAbsent(codec, c -> engine.audioDecoder(c).orElse(null));
        if (decoder == null) {
            return null;
        }
        byte[] payload = packet.payload();
        try {
            return decoder.decode(payload, 0, payload.length, receiveTimeNanos);
        } catch (AudioDecodeException e) {
            failures++;
            return null;
        }
    }
}
