package dev.parley.rtc.stun;

import java.util.concurrent.TimeoutException;

/** A STUN transaction got no (valid) response within its {@link RetransmissionSchedule}. */
public final class StunTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    public StunTimeoutException(String message) {
        super(message);
    }
}
