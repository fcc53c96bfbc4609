package dev.parley.media;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SoundSystem} for unit tests of the code above it: one mixer whose capture line plays a
 * sine at a rate the test chooses, in real time, and can be told to throw or to hang after some
 * reads (an unplugged or wedged device); its playback line records what it is given. Not the
 * proof that audio devices work — {@code PulseAudioDevicesTest} is.
 */
final class ScriptedSoundSystem implements SoundSystem {
    /** Stall and open deadlines short enough for tests of scripted devices that fail or hang. */
    static final MediaDevicesOptions QUICK_OPTIONS = new MediaDevicesOptions(Duration.ofSeconds(2),
            Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(500));

    enum Failure { NONE, THROW, HANG, SHORT_READ }

    private final Endpoint endpoint = new Endpoint("Scripted card", "test", "a scripted sound card", true, true);
    private final int captureRate;
    private final double toneHz;
    final AtomicInteger readsBeforeFailure = new AtomicInteger(Integer.MAX_VALUE);
    volatile Failure failure = Failure.NONE;
    final AtomicInteger reads = new AtomicInteger();
    final ByteArrayOutputStream played = new ByteArrayOutputStream();
    final CountDownLatch captureClosed = new CountDownLatch(1);
    volatile int playbackChannels;
    /** What the capture line says it holds unread (bytes): a reader that is behind. */
    volatile int captureBacklogBytes;
    /** How full each playback line says its buffer is, as a fraction: what {@code available()} leaves out. */
    volatile double playbackFill = 0.5;
    /** Set: the playback line throws on its next write (the speaker was unplugged). */
    volatile boolean playbackBroken;
    /**
     * Playback lines still to open that stop making room after their first write and never make
     * it again (a stream its sound server stopped): the line's next {@code write} would block.
     */
    final AtomicInteger stallingLines = new AtomicInteger();
    final AtomicInteger playbackLinesOpened = new AtomicInteger();

    ScriptedSoundSystem(int captureRate, double toneHz) {
        this.captureRate = captureRate;
        this.toneHz = toneHz;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(endpoint);
    }

    @Override
    public CaptureLine openCapture(Endpoint at, int[] rates, int channels, int bufferMillis) {
        for (int rate : rates) {
            if (rate == captureRate) {
                return new ToneLine(channels);
            }
        }
        throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, "no supported rate");
    }

    @Override
    public PlaybackLine openPlayback(Endpoint at, int rate, int channels, int bufferMillis) {
        playbackChannels = channels;
        playbackLinesOpened.incrementAndGet();
        int bufferBytes = rate / 1000 * bufferMillis * channels * 2;
        boolean stalls = stallingLines.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        return new PlaybackLine() {
            private volatile boolean wroteOnce;

            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public int channels() {
                return channels;
            }

            @Override
            public int write(byte[] buffer, int offset, int length) {
                if (playbackBroken) {
                    throw new IllegalStateException("ALSA: device disconnected");
                }
                if (stalls && wroteOnce) {
                    throw new AssertionError("a write to a line with no room blocks in the driver");
                }
                wroteOnce = true;
                synchronized (played) {
                    played.write(buffer, offset, length);
                }
                try {
                    Thread.sleep(length * 1000L / (rate * channels * 2L)); // the device plays in real time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return length;
            }

            @Override
            public int bufferSize() {
                return bufferBytes;
            }

            @Override
            public int available() {
                if (stalls && wroteOnce) {
                    return 0;
                }
                int free = (int) Math.round(bufferBytes * (1 - playbackFill));
                return free - free % (2 * channels);
            }

            @Override
            public void close() {}
        };
    }

    /** A line that delivers the tone in real time, and fails as scripted. */
    private final class ToneLine implements CaptureLine {
        private final int channels;
        private long sampleIndex;
        private volatile boolean closed;

        ToneLine(int channels) {
            this.channels = channels;
        }

        @Override
        public int sampleRate() {
            return captureRate;
        }

        @Override
        public int channels() {
            return channels;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (reads.incrementAndGet() > readsBeforeFailure.get()) {
                switch (failure) {
                    case THROW -> throw new IllegalStateException("device unplugged");
                    case SHORT_READ -> {
                        return 0;
                    }
                    case HANG -> {
                        while (!closed) {
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return 0;
                            }
                        }
                        return 0;
                    }
                    default -> { }
                }
            }
            int instants = length / 2 / channels;
            for (int i = 0; i < instants; i++, sampleIndex++) {
                short value = (short) Math.round(8000 * Math.sin(2 * Math.PI * toneHz * sampleIndex / captureRate));
                for (int c = 0; c < channels; c++) {
                    int at = offset + (i * channels + c) * 2;
                    buffer[at] = (byte) value;
                    buffer[at + 1] = (byte) (value >> 8);
                }
            }
            try {
                Thread.sleep(instants * 1000L / captureRate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return length;
        }

        @Override
        public int available() {
            return captureBacklogBytes;
        }

        @Override
        public void close() {
            closed = true;
            captureClosed.countDown();
        }
    }
}
