package dev.parley.app.desktop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one port object: added and removed from any thread, each told in turn; one
 * that throws is logged and the others are still told.
 */
final class Listeners<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<T> listeners = new CopyOnWriteArrayList<>();

    /** Adds {@code listener}; closing the result removes it. */
    AutoCloseable add(T listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void tell(Consumer<T> event) {
        for (T listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("a listener failed: {}", listener, e);
            }
        }
    }
}
