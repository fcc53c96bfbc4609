package dev.parley.rtc.codec;

import dev.parley.rtc.AudioFrame;

/**
 * Frames of any rate and channel count to G.711 payloads: downmix to mono, resample to 8000 Hz
 * (a new resampler when the input rate changes), then one code word per sample.
 */
final class G711Encoder implements AudioEncoder {
    private final G711Law law;
    private AudioResampler resampler;

    G711Encoder(G711Law law) {
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
    public EncodedAudio encode(AudioFrame frame) {
        short[] mono = ChannelMixer.toMono(frame);
        if (frame.sampleRate() != G711.CLOCK_RATE) {
            if (resampler == null || resampler.inputRate() != frame.sampleRate()) {
                resampler = new AudioResampler(frame.sampleRate(), G711.CLOCK_RATE, 1);
            }
            mono = resampler.resample(mono);
        } else {
            resampler = null; // a later change of rate starts from a clean history
        }
        byte[] payload = new byte[mono.length];
        for (int i = 0; i < mono.length; i++) {
            payload[i] = law.encode(mono[i]);
        }
        return new EncodedAudio(payload, mono.length);
    }

    @Override
    public String toString() {
        return law.encodingName() + " encoder";
    }
}
