package dev.parley.rtc.sdp;

/**
 * The {@code o=} line values JSEP asks for (RFC 8829 §5.2.1): a session id that stays for the
 * whole session and a version the caller increments whenever the description changes (§5.2.2).
 *
 * @param sessionId positive, so it fits the 63 bits RFC 8829 §5.2.1 allows
 */
public record SessionInfo(long sessionId, long sessionVersion) {
    public SessionInfo {
        if (sessionId <= 0) {
            throw new IllegalArgumentException("session id must be positive: " + sessionId);
        }
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("session version must not be negative: " + sessionVersion);
        }
    }

    /** {@code - <id> <version> IN IP4 127.0.0.1}, the origin browsers write (RFC 8829 §5.2.1). */
    Origin origin() {
        return new Origin("-", Long.toString(sessionId), sessionVersion, "IN", "IP4", "127.0.0.1");
    }
}
