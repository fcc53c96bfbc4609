package dev.parley.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.codec.AudioResampler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.LongFunction;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file (any PCM javax.sound can read) as an endless stream of 10 ms frames at 48 kHz: the
 * whole file is decoded and resampled once, then played in a loop, like Chromium's
 * {@code --use-file-for-fake-audio-capture}. Not thread-safe: one caller (the pacing thread).
 */
final class WavFileAudio implements LongFunction<AudioFrame> {
    static final int RATE = 48_000;
    /** Longest stretch of a file kept in memory (10 minutes of stereo is 110 MB). */
    private static final int MAX_SECONDS = 600;

    private final short[] samples;
    private final int channels;
    private final int frameSamples;
    private int position;

    /**
     * @throws MediaDeviceException {@code NotReadableError} if the file can not be read as PCM audio
     */
    WavFileAudio(Path file) {
        try (AudioInputStream raw = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat from = raw.getFormat();
            int fileChannels = Math.min(2, from.getChannels());
            AudioFormat pcm = new AudioFormat(from.getSampleRate(), 16, from.getChannels(), true, false);
            try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, raw)) {
                int rate = Math.round(from.getSampleRate());
                long maxBytes = (long) MAX_SECONDS * rate * from.getChannels() * 2;
                byte[] bytes = decoded.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
                short[] interleaved = keepChannels(bytes, from.getChannels(), fileChannels);
                if (interleaved.length < fileChannels) {
                    throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, file + " holds no audio");
                }
                AudioResampler toRate = new AudioResampler(rate, RATE, fileChannels);
                AudioFrame all = toRate.resample(new AudioFrame(interleaved, rate, fileChannels, 0));
                this.samples = all.samples();
                this.channels = fileChannels;
            }
        } catch (UnsupportedAudioFileException | IOException | IllegalArgumentException e) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, "can not read " + file + " as audio", e);
        }
        this.frameSamples = RATE / 100 * channels;
        if (samples.length < frameSamples) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, file + " is shorter than 10 ms");
        }
    }

    int channels() {
        return channels;
    }

    /** The next 10 ms, wrapping around to the start of the file. */
    @Override
    public AudioFrame apply(long captureTimeNanos) {
        short[] frame = new short[frameSamples];
        for (int i = 0; i < frameSamples; i++) {
            frame[i] = samples[position];
            position = (position + 1) % samples.length;
        }
        return new AudioFrame(frame, RATE, channels, captureTimeNanos);
    }

    /** Little-endian 16-bit samples, keeping the first {@code keep} of {@code channels} channels. */
    private static short[] keepChannels(byte[] bytes, int channels, int keep) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int instants = bytes.length / 2 / channels;
        short[] out = new short[instants * keep];
        for (int i = 0; i < instants; i++) {
            for (int c = 0; c < channels; c++) {
                short sample = in.getShort();
                if (c < keep) {
                    out[i * keep + c] = sample;
                }
            }
        }
        return out;
    }
}
