package dev.parley.rtc.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets a {@link RealNet} still owns, so that closing the Net closes each of them. */
final class OwnedResources {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedResources.class);


    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Tracks {@code resource}; if the owner has already closed, closes it instead and returns false. */
    boolean adopt(AutoCloseable resource) {
        open.add(resource);
        if (closed) {
            release(resource);
            closeQuietly(resource);
            return false;
        }
        return true;
    }

    /** Forgets {@code resource}: it closed by itself. */
    void release(AutoCloseable resource) {
        open.remove(resource);
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes everything tracked now; anything adopted later is closed at once. Callable again. */
    void closeAll() {
        closed = true;
        for (AutoCloseable resource : List.copyOf(open)) {
            closeQuietly(resource);
        }
    }

    int size() {
        return open.size();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed", resource, e);
        }
    }
}
