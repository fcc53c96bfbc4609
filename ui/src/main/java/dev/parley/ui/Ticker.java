package dev.parley.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Calls back about once a second on the FX thread, for clocks on screen (the call timer). Tests
 * pass their own that ticks when told, so nothing sleeps.
 */
@FunctionalInterface
public interface Ticker {

    /** Starts calling {@code tick} on the FX thread; closing the handle stops it. */
    AutoCloseable everySecond(Runnable tick);

    /** A JavaFX {@link Timeline}: runs on the FX thread, needs a started toolkit. */
    static Ticker fxTimeline() {
        return tick -> {
            Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.run()));
            timeline.setCycleCount(Timeline.INDEFINITE);
            timeline.play();
            return timeline::stop;
        };
    }
}
