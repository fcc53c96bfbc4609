package dev.parley.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way background work (engine listeners, device threads, timers) reaches the JavaFX
 * application thread. View-models and views take it in their constructors, so tests choose:
 * {@link #platform()} in the running app and TestFX tests, {@link #inline()} in view-model tests
 * that run without the FX toolkit.
 */
@FunctionalInterface
public interface FxThread extends Executor {

    /** Runs {@code task} on the FX thread later, in submission order ({@link Platform#runLater}). */
    @Override
    void execute(Runnable task);

    /** The real FX thread; needs a started toolkit. */
    static FxThread platform() {
        return Platform::runLater;
    }

    /** Runs each task at once on the calling thread: for tests of view-models without a toolkit. */
    static FxThread inline() {
        return Runnable::run;
    }
}
