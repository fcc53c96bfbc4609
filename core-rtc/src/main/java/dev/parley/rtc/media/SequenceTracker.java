package dev.parley.rtc.media;

/**
 * Sequence-number bookkeeping of one source: the validity checks of RFC 3550 Appendix A.1
 * (probation, 16-bit wrap into an extended sequence number, restart after an unexplained jump)
 * and the loss arithmetic of Appendix A.3 (expected, cumulative lost, fraction lost per interval).
 *
 * <p>As in the RFC, duplicates and late packets count as received, so the cumulative loss can go
 * negative. A source that restarts its numbering (two consecutive packets after a jump of more
 * than {@link #MAX_DROPOUT} ahead or {@link #MAX_MISORDER} behind) starts the counts anew.
 */
final class SequenceTracker {
    /** A.1: a jump ahead this big or bigger is not taken as loss. */
    static final int MAX_DROPOUT = 3000;
    /** A.1: a packet this far behind or less is late, not a restart. */
    static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private final int minSequential;
    private boolean started;
    private int probation;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long restarts;

    /** @param minSequential packets in sequence before the source counts as valid (A.1's MIN_SEQUENTIAL, at least 1) */
    SequenceTracker(int minSequential) {
        if (minSequential < 1) {
            throw new IllegalArgumentException("minSequential must be at least 1, got " + minSequential);
        }
        this.minSequential = minSequential;
    }

    /**
     * A.1 {@code update_seq}: takes one packet's sequence number; returns whether the packet is
     * valid (counted). Packets during probation and the first packet after a big jump are not.
     */
    boolean update(int seq) {
        if (!started) { // A.1: a new source is on probation, with max_seq just before its first packet
            started = true;
            init(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = minSequential;
        }
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    init(seq);
                    received++;
                    return true;
                }
            } else {
                probation = minSequential - 1;
                maxSeq = seq;
            }
            return false;
        } else if (udelta < MAX_DROPOUT) { // in order, with a permissible gap
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) { // a very large jump
            if (seq == badSeq) {
                init(seq); // two sequential packets: the sender restarted without telling us
                restarts++;
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        // else: a duplicate or a late packet, counted as received
        received++;
        return true;
    }

    /** A.1 {@code init_seq}. */
    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1; // matches no sequence number
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** How often the source restarted its numbering. */
    long restarts() {
        return restarts;
    }

    /** Whether a packet has been counted since the last (re)start. */
    boolean valid() {
        return received > 0;
    }

    /** The extended highest sequence number received: cycles count whole wraps of the 16-bit number. */
    long extendedHighest() {
        return cycles + maxSeq;
    }

    /** A.3: packets expected since the (re)start. */
    long expected() {
        return extendedHighest() - baseSeq + 1;
    }

    /** Packets counted since the (re)start, duplicates and late ones included. */
    long received() {
        return received;
    }

    /** A.3: cumulative loss since the (re)start; negative when duplicates outnumber losses. */
    long cumulativeLost() {
        return expected() - received;
    }

    /**
     * A.3: the fraction lost since the previous call, as an 8-bit fixed-point number (0 when
     * nothing was lost, or when duplicates made up for it), and starts the next interval.
     */
    int nextFractionLost() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }
}
