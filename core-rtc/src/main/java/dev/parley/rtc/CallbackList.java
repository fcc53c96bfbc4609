package dev.parley.rtc;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered callbacks (sinks, listeners) that any thread may add, remove and call. Calls go to a
 * snapshot, so a callback added or removed meanwhile never disturbs one that stays registered:
 * it sees every call exactly once. One that throws is logged and the others are still called.
 */
final class CallbackList<T> {
    private static final Logger log = LoggerFactory.getLogger(CallbackList.class);

    private final CopyOnWriteArrayList<Registration<T>> registrations = new CopyOnWriteArrayList<>();

    /**
     * Registers {@code callback}; closing the result unregisters it. A call already under way on
     * another thread may still reach it once after that.
     */
    AutoCloseable add(T callback) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        Registration<T> registration = new Registration<>(callback);
        registrations.add(registration);
        return () -> {
            registration.removed = true;
            registrations.remove(registration);
        };
    }

    /** Calls {@code call} with each registered callback; {@code what} names them in a log line. */
    void forEach(Consumer<? super T> call, String what) {
        for (Registration<T> registration : registrations) {
            if (registration.removed) {
                continue;
            }
            try {
                call.accept(registration.callback);
            } catch (RuntimeException e) {
                log.warn("{} {} threw; the others are still called", what, registration.callback, e);
            }
        }
    }

    boolean isEmpty() {
        return registrations.isEmpty();
    }

    void clear() {
        for (Registration<T> registration : registrations) {
            registration.removed = true;
        }
        registrations.clear();
    }

    /** Identity, not the callback's equals: the same callback added twice is two registrations. */
    private static final class Registration<T> {
        final T callback;
        volatile boolean removed;

        Registration(T callback) {
            this.callback = callback;
        }
    }
}
