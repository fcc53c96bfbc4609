package dev.parley.rtc.sctp;

/** SCTP payload protocol identifiers of WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
    public static final long DCEP = 50;
    public static final long STRING = 51;
    public static final long BINARY = 53;
    /** An empty string: SCTP cannot carry zero bytes, so one byte is sent and ignored. */
    public static final long STRING_EMPTY = 56;
    public static final long BINARY_EMPTY = 57;
    /** Deprecated partial-message PPIDs (RFC 8831 §8): still delivered, as their whole type. */
    public static final long STRING_PARTIAL = 54;
    public static final long BINARY_PARTIAL = 52;

    private Ppid() {}
}
