package dev.parley.rtc.interceptor.nack;

import dev.parley.rtc.rtp.RtpPacket;

/**
 * The last packets one stream sent, by sequence number, for answering NACKs: a ring indexed by
 * the low bits of the sequence number, so a lookup is one array read and old packets fall out as
 * new ones arrive.
 */
final class SentPacketHistory {
    private final RtpPacket[] packets;
    private final long[] lastResendNanos;
    private final boolean[] resent;
    private final int mask;

    SentPacketHistory(int capacity) {
        packets = new RtpPacket[capacity];
        lastResendNanos = new long[capacity];
        resent = new boolean[capacity];
        mask = capacity - 1;
    }

    /** Keeps {@code packet}; the same packet again (resent in place, without RTX) keeps its resend state. */
    void add(RtpPacket packet) {
        int slot = packet.sequenceNumber() & mask;
        if (packets[slot] == packet) {
            return;
        }
        packets[slot] = packet;
        resent[slot] = false;
    }

    /** The packet sent with {@code sequenceNumber}, or null when it is too old or was never sent. */
    RtpPacket get(int sequenceNumber) {
        RtpPacket packet = packets[sequenceNumber & mask];
        return packet != null && packet.sequenceNumber() == sequenceNumber ? packet : null;
    }

    /** Whether the packet may go out again now: never resent, or not within {@code minIntervalNanos}. */
    boolean mayResend(int sequenceNumber, long nowNanos, long minIntervalNanos) {
        int slot = sequenceNumber & mask;
        return !resent[slot] || nowNanos - lastResendNanos[slot] >= minIntervalNanos;
    }

    void markResent(int sequenceNumber, long nowNanos) {
        int slot = sequenceNumber & mask;
        resent[slot] = true;
        lastResendNanos[slot] = nowNanos;
    }
}
