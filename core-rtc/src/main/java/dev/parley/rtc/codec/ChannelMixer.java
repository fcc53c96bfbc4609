package dev.parley.rtc.codec;

import dev.parley.rtc.AudioFrame;

/** Channel conversion for encoders that carry fewer channels than they are fed. */
final class ChannelMixer {

    private ChannelMixer() {
    }

    /** The frame as mono: the channels' average, rounded to nearest; a mono frame's samples as they are. */
    static short[] toMono(AudioFrame frame) {
        int channels = frame.channels();
        if (channels == 1) {
            return frame.samples();
        }
        int length = frame.samplesPerChannel();
        short[] mono = new short[length];
        for (int i = 0; i < length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += frame.sample(i * channels + c);
            }
            mono[i] = (short) Math.round((double) sum / channels);
        }
        return mono;
    }
}
