package dev.parley.rtc.media;

import dev.parley.rtc.codec.EncodedAudio;

/**
 * Opus into RTP (RFC 7587 §4.2): one Opus packet per RTP payload, as the encoder made it, and the
 * RTP timestamp advances by its duration at 48 kHz. Nothing to cut: an Opus packet of 20 ms at
 * call bitrates is far below the MTU ({@link PayloadSize}); one that is not is an encoder error.
 */
public final class OpusPacketizer {
    private final int maxPayloadSize;

    public OpusPacketizer(int maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    /**
     * The payload for one encoded packet.
     *
     * @throws IllegalArgumentException if it is larger than a payload may be (Opus packets are
     *     never fragmented) or empty
     */
    public byte[] packetize(EncodedAudio packet) {
        byte[] payload = packet.payload();
        if (payload.length == 0 || payload.length > maxPayloadSize) {
            throw new IllegalArgumentException("an Opus payload of " + payload.length + " bytes (1.." + maxPayloadSize + ")");
        }
        return payload;
    }
}
