package dev.parley.rtc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a synchronous API call on the peer connection's executor and waits for it, so that
 * methods the W3C defines as synchronous ({@code addTrack}, {@code setDirection}) see and change
 * the executor-owned state consistently. Called on the executor (from a listener), it runs inline.
 * A closed peer connection's executor discards tasks: the wait then ends with
 * {@code InvalidStateError} instead of hanging.
 */
final class Sync {
    private static final long CLOSED_POLL_MILLIS = 50;

    private Sync() {}

    static <T> T call(MediaContext context, Supplier<T> task) {
        if (context.executor().inExecutor()) {
            return task.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        context.executor().execute(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        while (true) {
            try {
                return result.get(CLOSED_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (context.isClosed() && !result.isDone()) {
                    throw new RTCException(RTCException.INVALID_STATE, "the peer connection is closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RTCException(RTCException.OPERATION, "interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw (Error) cause;
            }
        }
    }

    static void run(MediaContext context, Runnable task) {
        call(context, () -> {
            task.run();
            return null;
        });
    }
}
