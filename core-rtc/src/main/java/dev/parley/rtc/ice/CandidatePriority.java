package dev.parley.rtc.ice;

/** The priority formulas of ICE: candidates (RFC 8445 §5.1.2.1) and pairs (RFC 8445 §6.1.2.3). */
public final class CandidatePriority {
    /** Highest local preference, for the single best address of a single-homed host. */
    public static final int MAX_LOCAL_PREFERENCE = 65535;

    private CandidatePriority() {}

    /**
     * {@code priority = 2^24 * type preference + 2^8 * local preference + (256 - component)}.
     *
     * @param localPreference 0..65535
     * @param component 1..256
     */
    public static long of(CandidateType type, int localPreference, int component) {
        if (localPreference < 0 || localPreference > MAX_LOCAL_PREFERENCE) {
            throw new IllegalArgumentException("local preference out of 0..65535: " + localPreference);
        }
        if (component < 1 || component > 256) {
            throw new IllegalArgumentException("component out of 1..256: " + component);
        }
        return ((long) type.typePreference() << 24) + ((long) localPreference << 8) + (256 - component);
    }

    /**
     * Local preference of an ICE-TCP candidate (RFC 6544 §4.2):
     * {@code 2^13 * direction preference + other preference}, where {@code otherPreference}
     * (0..8191) ranks the interface as for UDP.
     */
    public static int tcpLocalPreference(TcpType tcpType, int otherPreference) {
        if (otherPreference < 0 || otherPreference > 8191) {
            throw new IllegalArgumentException("other preference out of 0..8191: " + otherPreference);
        }
        return (tcpType.directionPreference() << 13) + otherPreference;
    }

    /**
     * Pair priority, the same on both agents:
     * {@code 2^32 * min(G, D) + 2 * max(G, D) + (G > D ? 1 : 0)}, with G the controlling agent's
     * candidate priority and D the controlled agent's.
     */
    public static long pair(long controllingPriority, long controlledPriority) {
        long g = controllingPriority;
        long d = controlledPriority;
        return (Math.min(g, d) << 32) + 2 * Math.max(g, d) + (g > d ? 1 : 0);
    }
}
