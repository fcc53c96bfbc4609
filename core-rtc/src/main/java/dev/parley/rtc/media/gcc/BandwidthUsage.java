package dev.parley.rtc.media.gcc;

/** What the delay gradient says of the path (draft-ietf-rmcat-gcc-02 §5.4). */
public enum BandwidthUsage {
    /** Queues are stable: the sender may increase. */
    NORMAL,
    /** Queues grow: the sender sends more than the path carries. */
    OVERUSE,
    /** Queues drain: hold the rate until they are empty. */
    UNDERUSE
}
