package dev.parley.media;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls into drivers on threads of its own and gives up on them after a timeout, so that a
 * driver stuck in native code costs one parked thread, never the caller. A call that times out
 * fails with {@code AbortError} (its thread is left to finish or hang on its own); one that
 * throws anything but a {@link MediaDeviceException} fails with {@code NotReadableError}.
 */
final class BoundedCalls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoundedCalls.class);
    private final ExecutorService threads;
    private final Duration timeout;

    BoundedCalls(String threadPrefix, Duration timeout) {
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, threadPrefix + "-" + count.incrementAndGet());
            thread.setDaemon(true); // a thread stuck in a driver must not keep the JVM alive
            return thread;
        };
        // Unbounded: a hung call keeps its thread, and the next call must still get one.
        this.threads = Executors.newCachedThreadPool(factory);
    }

    /**
     * Runs {@code call}; the future fails with a {@link MediaDeviceException} as described above.
     * A result that arrives after the timeout is nobody's: if it is {@link AutoCloseable} (a
     * device that opened late) it is closed, so a slow driver leaks no open device.
     */
    <T> CompletableFuture<T> call(String what, Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                T value;
                try {
                    value = call.get();
                } catch (Throwable failure) { // native loading fails with Errors; they are results too
                    result.completeExceptionally(failure);
                    return;
                }
                if (!result.complete(value) && value instanceof AutoCloseable late) {
                    closeLate(what, late);
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new MediaDeviceException(MediaDeviceException.ABORT,
                    what + ": the devices are closed"));
        }
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((value, failure) -> {
                    if (failure == null) {
                        return value;
                    }
                    throw new CompletionException(translate(what, unwrap(failure)));
                });
    }

    private static void closeLate(String what, AutoCloseable late) {
        log.info("{} answered after its timeout; releasing what it opened", what);
        try {
            late.close();
        } catch (Exception e) {
            log.warn("{}: releasing the late result failed", what, e);
        }
    }

    /** As {@link #call}, waiting for the answer on the calling thread (at most the timeout). */
    <T> T await(String what, Supplier<T> call) {
        try {
            return call(what, call).join();
        } catch (CompletionException e) {
            throw (MediaDeviceException) e.getCause();
        }
    }

    Duration timeout() {
        return timeout;
    }

    private MediaDeviceException translate(String what, Throwable failure) {
        if (failure instanceof MediaDeviceException known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return new MediaDeviceException(MediaDeviceException.ABORT, what + ": no answer from the driver within "
                    + timeout.toMillis() + " ms");
        }
        return new MediaDeviceException(MediaDeviceException.NOT_READABLE, what + " failed: " + failure, failure);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Stops taking calls; calls already stuck in a driver are left to their daemon threads. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
