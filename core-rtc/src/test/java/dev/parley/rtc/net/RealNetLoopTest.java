package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The selector loop under {@link RealNet}: it outlives a failing channel, runs timers, stops cleanly. */
class RealNetLoopTest {

    private final NioLoop loop = newLoop();

    private static NioLoop newLoop() {
        try {
            return new NioLoop("parley-test-io");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void aChannelWhoseCallbackThrowsIsFailedAndTheLoopGoesOn() throws Exception {
        Pipe bad = Pipe.open();
        Pipe good = Pipe.open();
        CompletableFuture<Throwable> badFailure = new CompletableFuture<>();
        CountDownLatch goodRead = new CountDownLatch(1);
        register(bad.source(), new NioLoop.IoHandler() {
            @Override
            public void onReady(SelectionKey key) {
                throw new IllegalStateException("deliberate failure in a test channel");
            }

            @Override
            public void onFailure(Throwable failure) {
                closeQuietly(bad.source());
                badFailure.complete(failure);
            }
        });
        register(good.source(), new NioLoop.IoHandler() {
            @Override
            public void onReady(SelectionKey key) throws java.io.IOException {
                good.source().read(ByteBuffer.allocate(16));
                goodRead.countDown();
            }

            @Override
            public void onFailure(Throwable failure) {}
        });

        bad.sink().write(ByteBuffer.wrap(new byte[] {1}));
        assertInstanceOf(IllegalStateException.class, badFailure.get(5, TimeUnit.SECONDS));
        good.sink().write(ByteBuffer.wrap(new byte[] {1}));
        assertTrue(goodRead.await(5, TimeUnit.SECONDS), "the loop still serves other channels");
        assertEquals(1, loop.failures());
        assertFalse(bad.source().isOpen());
    }

    @Test
    void aTaskThatThrowsIsCountedAndTheLoopGoesOn() throws Exception {
        loop.execute(() -> {
            throw new IllegalStateException("deliberate failure in a test task");
        });
        CountDownLatch next = new CountDownLatch(1);
        loop.execute(next::countDown);
        assertTrue(next.await(5, TimeUnit.SECONDS));
        assertEquals(1, loop.failures());
    }

    @Test
    void timersRunInDeadlineOrderAndCancelledOnesDoNot() throws Exception {
        List<String> seen = new ArrayList<>(); // loop thread only
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            loop.schedule(() -> {
                seen.add("c");
                done.countDown();
            }, 60, TimeUnit.MILLISECONDS);
            loop.schedule(() -> seen.add("a"), 20, TimeUnit.MILLISECONDS);
            loop.schedule(() -> seen.add("cancelled"), 30, TimeUnit.MILLISECONDS).cancel();
            loop.schedule(() -> seen.add("b"), 40, TimeUnit.MILLISECONDS);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(List.copyOf(seen)));
        assertEquals(List.of("a", "b", "c"), result.get(5, TimeUnit.SECONDS));
    }

    @Test
    void afterCloseTasksAreRefusedAndRegisteredChannelsClosed() throws Exception {
        Pipe pipe = Pipe.open();
        register(pipe.source(), new NioLoop.IoHandler() {
            @Override
            public void onReady(SelectionKey key) {}

            @Override
            public void onFailure(Throwable failure) {}
        });
        loop.close();
        assertFalse(loop.execute(() -> {}));
        assertFalse(pipe.source().isOpen(), "closed with the loop");
        closeQuietly(pipe.sink());
    }

    private void register(Pipe.SourceChannel source, NioLoop.IoHandler handler) throws Exception {
        source.configureBlocking(false);
        CompletableFuture<SelectionKey> key = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                key.complete(loop.register(source, SelectionKey.OP_READ, handler));
            } catch (java.io.IOException e) {
                key.completeExceptionally(e);
            }
        });
        key.get(5, TimeUnit.SECONDS);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (java.io.IOException ignored) {
            // test clean-up
        }
    }
}
