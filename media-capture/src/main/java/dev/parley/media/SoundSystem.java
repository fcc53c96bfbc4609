package dev.parley.media;

import java.util.List;

/**
 * The little of javax.sound.sampled that microphones and speakers need, behind an interface so
 * that the code above it can be unit-tested with lines that fail on purpose
 * ({@link JavaSoundSystem} is the real one). Every method may block in a driver; callers bound it.
 */
interface SoundSystem {

    /** Mixers that can capture or play 16-bit PCM. */
    List<Endpoint> endpoints();

    /**
     * Opens and starts a capture line of 16-bit signed little-endian PCM at the first of
     * {@code rates} the mixer supports.
     *
     * @throws MediaDeviceException {@code NotReadableError} if none is supported or the line is busy
     */
    CaptureLine openCapture(Endpoint endpoint, int[] rates, int channels, int bufferMillis);

    /**
     * Opens and starts a playback line of 16-bit signed little-endian PCM.
     *
     * @throws MediaDeviceException {@code NotReadableError} if the format is refused or the line is busy
     */
    PlaybackLine openPlayback(Endpoint endpoint, int rate, int channels, int bufferMillis);

    /**
     * One mixer: its name (what people see), vendor and description, and what it can do.
     */
    record Endpoint(String name, String vendor, String description, boolean canCapture, boolean canPlay) {}

    /** An open capture line. */
    interface CaptureLine extends AutoCloseable {
        int sampleRate();

        int channels();

        /** Blocks until {@code length} bytes are read; fewer means the line stopped (closed, unplugged). */
        int read(byte[] buffer, int offset, int length);

        /** Bytes captured and waiting to be read: how far the reader is behind the microphone. */
        int available();

        @Override
        void close();
    }

    /** An open playback line. */
    interface PlaybackLine extends AutoCloseable {
        int sampleRate();

        int channels();

        /** Blocks while the device's buffer is full; returns the bytes taken. */
        int write(byte[] buffer, int offset, int length);

        /** Bytes the device's buffer holds in all. */
        int bufferSize();

        /** Bytes that can be written now without blocking. */
        int available();

        @Override
        void close();
    }
}
