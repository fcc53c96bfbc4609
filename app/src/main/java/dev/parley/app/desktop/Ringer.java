package dev.parley.app.desktop;

import dev.parley.app.media.AppMedia;
import dev.parley.media.AudioOutput;
import dev.parley.media.TestSound;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sounds of a ringing call on the chosen speaker: the ringtone while someone calls us, the
 * ringback while the person we call is ringing. Each rings until its handle is closed. A machine
 * without a speaker rings silently (logged once per ring).
 */
final class Ringer {
    private static final Logger LOG = LoggerFactory.getLogger(Ringer.class);

    /** A ring's tone and rhythm: {@code on} of {@code hz}, then silence, every {@code period}. */
    enum Ring {
        /** Someone calls us: short, high and frequent, to be noticed. */
        RINGTONE(880, Duration.ofMillis(400), Duration.ofMillis(1500)),
        /** The other side is ringing: the long, low ringback people know from phones. */
        RINGBACK(440, Duration.ofMillis(1000), Duration.ofMillis(3000));

        final double hz;
        final Duration on;
        final Duration period;

        Ring(double hz, Duration on, Duration period) {
            this.hz = hz;
            this.on = on;
            this.period = period;
        }
    }

    private final AppMedia media;
    private final Supplier<String> speakerId;
    private final ScheduledExecutorService timer;

    /** @param speakerId the chosen speaker's id when a ring starts ("" for the default) */
    Ringer(AppMedia media, Supplier<String> speakerId, ScheduledExecutorService timer) {
        this.media = media;
        this.speakerId = speakerId;
        this.timer = timer;
    }

    /** Starts {@code ring}; closing the handle stops it and releases the speaker. */
    AutoCloseable ring(Ring ring) {
        String id = speakerId.get();
        CompletableFuture<AudioOutput> speaker = media.devices().openOutput(id.isEmpty() ? null : id);
        ScheduledFuture<?> rhythm = timer.scheduleAtFixedRate(() -> speaker.thenAccept(output ->
                TestSound.play(output, ring.hz, ring.on)), 0, ring.period.toMillis(), TimeUnit.MILLISECONDS);
        speaker.exceptionally(failure -> {
            LOG.info("{} not heard: {}", ring, failure.toString());
            rhythm.cancel(false);
            return null;
        });
        return () -> {
            rhythm.cancel(false);
            speaker.thenAccept(AudioOutput::close);
        };
    }
}
