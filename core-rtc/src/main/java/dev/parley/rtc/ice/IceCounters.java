package dev.parley.rtc.ice;

/**
 * What the agent dropped or refused, and why: hostile or broken input is counted, never thrown.
 * Written on the agent's executor; read anywhere (the values may lag slightly).
 */
public final class IceCounters {
    volatile long malformedStun;
    volatile long badFingerprint;
    volatile long badIntegrity;
    volatile long badUsername;
    volatile long unknownAttributeRequests;
    volatile long roleConflicts;
    volatile long remoteCandidatesRefused;
    volatile long unmatchedResponses;
    volatile long packetsFromUnknownSources;
    volatile long tcpConnectionsDropped;
    volatile long tcpConnectionsRefused;

    /** STUN datagrams that did not parse. */
    public long malformedStun() {
        return malformedStun;
    }

    /** Requests whose FINGERPRINT was missing or wrong (dropped). */
    public long badFingerprint() {
        return badFingerprint;
    }

    /** Requests whose MESSAGE-INTEGRITY was missing or wrong (dropped). */
    public long badIntegrity() {
        return badIntegrity;
    }

    /** Requests whose USERNAME was missing or not ours (dropped). */
    public long badUsername() {
        return badUsername;
    }

    /** Requests answered with 420 for unknown comprehension-required attributes. */
    public long unknownAttributeRequests() {
        return unknownAttributeRequests;
    }

    /** Role conflicts detected (RFC 8445 §7.3.1.1). */
    public long roleConflicts() {
        return roleConflicts;
    }

    /** Remote candidates (signalled or peer-reflexive) not kept because the cap was reached. */
    public long remoteCandidatesRefused() {
        return remoteCandidatesRefused;
    }

    /** Responses that matched no running transaction. */
    public long unmatchedResponses() {
        return unmatchedResponses;
    }

    /** Non-STUN packets from addresses on no candidate pair (dropped). */
    public long packetsFromUnknownSources() {
        return packetsFromUnknownSources;
    }

    /**
     * ICE-TCP connections closed for what they sent: anything but STUN before a check of theirs
     * authenticated, malformed STUN, or a check or response that failed authentication.
     */
    public long tcpConnectionsDropped() {
        return tcpConnectionsDropped;
    }

    /** Accepted ICE-TCP connections closed at once: too many were waiting for a first authenticated check. */
    public long tcpConnectionsRefused() {
        return tcpConnectionsRefused;
    }
}
