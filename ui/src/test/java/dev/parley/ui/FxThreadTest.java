package dev.parley.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class) // starts the toolkit (headless Monocle) for platform()
class FxThreadTest {

    @Test
    void inlineRunsTheTaskAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];

        FxThread.inline().execute(() -> ranOn[0] = Thread.currentThread());

        assertSame(caller, ranOn[0]);
    }

    @Test
    void platformRunsTasksOnTheFxThreadInTheOrderGiven() throws InterruptedException {
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        FxThread fx = FxThread.platform();

        for (int i = 0; i < 3; i++) {
            int n = i;
            fx.execute(() -> {
                order.add(n);
                onFxThread.add(Platform.isFxApplicationThread());
                done.countDown();
            });
        }

        assertFalse(Platform.isFxApplicationThread(), "the test itself runs off the FX thread");
        assertTrue(done.await(5, TimeUnit.SECONDS), "tasks ran");
        assertEquals(List.of(0, 1, 2), order);
        assertEquals(List.of(true, true, true), onFxThread);
    }
}
