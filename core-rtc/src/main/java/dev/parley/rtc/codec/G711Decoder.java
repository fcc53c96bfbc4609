package dev.parley.rtc.codec;

import dev.parley.rtc.AudioFrame;
import java.util.Objects;

/** G.711 payload to 8000 Hz mono frames: one sample per byte, every byte valid (RFC 3551 §4.5.14). */
final class G711Decoder implements AudioDecoder {
    private final G711Law law;

    G711Decoder(G711Law law) {
        this.law = law;
    }

    @Override
    public String name() {
        return law.encodingName();
    }

    @Override
    public int clockRate() {
        return G711.CLOCK_RATE;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public AudioFrame decode(byte[] payload, int offset, int length, long receiveTimeNanos) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = law.decode(payload[offset + i]);
        }
        return new AudioFrame(samples, G711.CLOCK_RATE, 1, receiveTimeNanos);
    }

    @Override
    public String toString() {
        return law.encodingName() + " decoder";
    }
}
