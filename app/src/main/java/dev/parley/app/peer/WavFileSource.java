package dev.parley.app.peer;

import dev.parley.rtc.AudioFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file as a microphone: 16-bit PCM, read whole (at most {@value #MAX_SECONDS} s) by the
 * JDK's parser, then handed out in 10 ms frames, looping at the end. For
 * {@code PacedAudioSource}, which calls it on its pacing thread only.
 */
final class WavFileSource {
    static final int MAX_SECONDS = 600;

    private final short[] samples;
    private final int sampleRate;
    private final int channels;
    private final int frameSamples;
    private int position;

    WavFileSource(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16
                    || f.getChannels() < 1 || f.getChannels() > 2 || Math.round(f.getSampleRate()) % 100 != 0) {
                throw new IOException(file + ": need 16-bit signed PCM, 1 or 2 channels, a rate that is a multiple of 100 Hz; got " + f);
            }
            sampleRate = Math.round(f.getSampleRate());
            channels = f.getChannels();
            long maxBytes = (long) MAX_SECONDS * sampleRate * channels * 2;
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
            ByteBuffer pcm = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            frameSamples = sampleRate / 100 * channels;
            int whole = bytes.length / 2 / frameSamples * frameSamples;
            if (whole == 0) {
                throw new IOException(file + ": shorter than 10 ms");
            }
            samples = new short[whole];
            pcm.asShortBuffer().get(samples);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": not a WAV file the JDK can read", e);
        }
    }

    /** The next 10 ms of the file, stamped with {@code captureTimeNanos}. */
    AudioFrame nextFrame(long captureTimeNanos) {
        short[] frame = new short[frameSamples];
        System.arraycopy(samples, position, frame, 0, frameSamples);
        position = (position + frameSamples) % samples.length;
        return new AudioFrame(frame, sampleRate, channels, captureTimeNanos);
    }

    int sampleRate() {
        return sampleRate;
    }
}
