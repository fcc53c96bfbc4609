package dev.parley.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing the handles that listeners, meters and sounds return: a screen that goes away must not
 * fail because leaving a subscription did; the failure is logged for whoever looks.
 */
public final class Handles {
    private static final Logger LOG = LoggerFactory.getLogger(Handles.class);

    private Handles() {}

    /** Closes {@code handle} if there is one; {@code what} names it in the log if closing fails. */
    public static void closeQuietly(AutoCloseable handle, String what) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", what, e);
        }
    }
}
