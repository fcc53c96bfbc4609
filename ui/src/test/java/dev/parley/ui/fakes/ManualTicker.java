package dev.parley.ui.fakes;

import dev.parley.ui.Ticker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ticks only when the test says so. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> ticks = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable everySecond(Runnable tick) {
        ticks.add(tick);
        return () -> ticks.remove(tick);
    }

    public void tick() {
        ticks.forEach(Runnable::run);
    }

    public int subscribers() {
        return ticks.size();
    }
}
