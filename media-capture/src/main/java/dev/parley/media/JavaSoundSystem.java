package dev.parley.media;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * {@link SoundSystem} on javax.sound.sampled: one endpoint per mixer that offers a
 * {@link TargetDataLine} (capture) or a {@link SourceDataLine} (playback). On Linux these are
 * ALSA devices, including PulseAudio's through the ALSA pulse plugin.
 */
final class JavaSoundSystem implements SoundSystem {

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            // by line class only: the format is settled when the line is opened
            boolean capture = mixer.isLineSupported(new Line.Info(TargetDataLine.class));
            boolean play = mixer.isLineSupported(new Line.Info(SourceDataLine.class));
            if (capture || play) {
                endpoints.add(new Endpoint(info.getName(), info.getVendor(), info.getDescription(), capture, play));
            }
        }
        return endpoints;
    }

    @Override
    public CaptureLine openCapture(Endpoint endpoint, int[] rates, int channels, int bufferMillis) {
        Mixer mixer = mixer(endpoint);
        for (int rate : rates) {
            AudioFormat format = format(rate, channels);
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
            if (!mixer.isLineSupported(info)) {
                continue;
            }
            try {
                TargetDataLine line = (TargetDataLine) mixer.getLine(info);
                line.open(format, bytes(format, bufferMillis));
                line.start();
                return new JavaCaptureLine(line, rate, channels);
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, endpoint.name()
                        + " would not open for capture: " + e.getMessage(), e);
            }
        }
        throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, endpoint.name()
                + " captures none of the rates " + java.util.Arrays.toString(rates) + " with " + channels + " channels");
    }

    @Override
    public PlaybackLine openPlayback(Endpoint endpoint, int rate, int channels, int bufferMillis) {
        Mixer mixer = mixer(endpoint);
        AudioFormat format = format(rate, channels);
        try {
            SourceDataLine line = (SourceDataLine) mixer.getLine(new DataLine.Info(SourceDataLine.class, format));
            line.open(format, bytes(format, bufferMillis));
            line.start();
            return new JavaPlaybackLine(line, rate, channels);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, endpoint.name()
                    + " would not open for playback: " + e.getMessage(), e);
        }
    }

    private static Mixer mixer(Endpoint endpoint) {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(endpoint.name()) && info.getVendor().equals(endpoint.vendor())) {
                return AudioSystem.getMixer(info);
            }
        }
        throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, endpoint.name() + " is no longer present");
    }

    static AudioFormat format(int rate, int channels) {
        return new AudioFormat(rate, 16, channels, true, false);
    }

    private static int bytes(AudioFormat format, int millis) {
        return (int) (format.getFrameRate() * millis / 1000) * format.getFrameSize();
    }

    private record JavaCaptureLine(TargetDataLine line, int sampleRate, int channels) implements CaptureLine {
        @Override
        public int read(byte[] buffer, int offset, int length) {
            return line.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return line.available();
        }

        @Override
        public void close() {
            line.stop();
            line.close();
        }
    }

    private record JavaPlaybackLine(SourceDataLine line, int sampleRate, int channels) implements PlaybackLine {
        @Override
        public int write(byte[] buffer, int offset, int length) {
            return line.write(buffer, offset, length);
        }

        @Override
        public int bufferSize() {
            return line.getBufferSize();
        }

        @Override
        public int available() {
            return line.available();
        }

        @Override
        public void close() {
            line.stop();
            line.close();
        }
    }
}
