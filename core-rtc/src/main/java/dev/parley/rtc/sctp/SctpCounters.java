package dev.parley.rtc.sctp;

/** What an association counted: traffic, drops of bad input, recoveries. On the executor. */
public final class SctpCounters {
    long packetsSent;
    long packetsReceived;
    /** Bad checksum, truncated, malformed chunks (RFC 9260 §6.8: silently discarded). */
    long malformedPackets;
    long badPortPackets;
    /** Verification tag mismatch (RFC 9260 §8.5: silently discarded). */
    long badTagPackets;
    long outOfWindowChunks;
    long duplicateChunks;
    long t3Expiries;
    long unknownChunks;

    public long packetsSent() {
        return packetsSent;
    }

    public long packetsReceived() {
        return packetsReceived;
    }

    public long malformedPackets() {
        return malformedPackets;
    }

    public long badTagPackets() {
        return badTagPackets;
    }

    public long duplicateChunks() {
        return duplicateChunks;
    }

    public long outOfWindowChunks() {
        return outOfWindowChunks;
    }

    public long t3Expiries() {
        return t3Expiries;
    }

    public long unknownChunks() {
        return unknownChunks;
    }

    @Override
    public String toString() {
        return "sent=" + packetsSent + " received=" + packetsReceived + " malformed=" + malformedPackets
                + " badPort=" + badPortPackets + " badTag=" + badTagPackets + " outOfWindow=" + outOfWindowChunks
                + " duplicates=" + duplicateChunks + " t3=" + t3Expiries + " unknownChunks=" + unknownChunks;
    }
}
