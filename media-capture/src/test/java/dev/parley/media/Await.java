package dev.parley.media;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in tests: on a condition or a future, always with a deadline. */
final class Await {
    private Await() {}

    static void until(Duration deadline, String what, BooleanSupplier condition) {
        until(deadline, () -> what, condition);
    }

    /** As {@link #until(Duration, String, BooleanSupplier)}, with a failure message made when it fails: the state then. */
    static void until(Duration deadline, Supplier<String> what, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + deadline.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    static <T> T done(CompletableFuture<T> future, Duration deadline) {
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("future not done within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return fail("future failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** The exception the future failed with, within the deadline. */
    static MediaDeviceException failure(CompletableFuture<?> future, Duration deadline) {
        try {
            Object value = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got " + value);
        } catch (TimeoutException e) {
            return fail("future not done within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MediaDeviceException device) {
                return device;
            }
            return fail("failed with something else", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
