package dev.parley.rtc.interceptor.nack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiver's list of one stream's missing packets: sequence numbers skipped by what arrived,
 * how often each was asked for, and when. Sequence numbers are extended past their 16-bit wrap
 * (the nearest extension to the highest seen), so gaps across 65535 → 0 are gaps like any other.
 *
 * <pre>
 *   gap seen ──▶ missing ──due──▶ requested (n times) ──arrives──▶ recovered
 *                   │                  │
 *                   └── too old, asked too often, or pushed out by a larger gap ──▶ given up
 * </pre>
 */
final class MissingPackets {
    private final NackSettings settings;
    private final TreeMap<Long, Request> missing = new TreeMap<>();
    private long highest;
    private boolean started;
    private long requested;
    private long recovered;
    private long givenUp;

    private static final class Request {
        final long sinceNanos;
        int count;
        long lastNanos;

        Request(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }
    }

    MissingPackets(NackSettings settings) {
        this.settings = settings;
    }

    /** Records an arrival; returns whether it revealed new missing packets. */
    boolean onPacket(int sequenceNumber, long nowNanos) {
        if (!started) {
            started = true;
            highest = sequenceNumber;
            return false;
        }
        int delta = (short) (sequenceNumber - (int) highest); // nearest extension: -32768..32767
        long extended = highest + delta;
        if (delta <= 0) {
            Request request = missing.remove(extended);
            if (request != null && request.count > 0) {
                recovered++;
            }
            return false;
        }
        long firstMissing = highest + 1;
        long gap = extended - firstMissing;
        if (gap > settings.maxMissing()) {
            givenUp += gap - settings.maxMissing();
            firstMissing = extended - settings.maxMissing();
        }
        for (long s = firstMissing; s < extended; s++) {
            missing.put(s, new Request(nowNanos));
        }
        highest = extended;
        while (missing.size() > settings.maxMissing()) {
            missing.pollFirstEntry();
            givenUp++;
        }
        return gap > 0;
    }

    /**
     * The missing packets to ask for now (never asked, or asked at least a retry interval ago),
     * marked as asked; gives up those missing too long or asked too often.
     */
    List<Integer> due(long nowNanos) {
        return due(nowNanos, settings.retryInterval().toNanos());
    }

    /** As {@link #due(long)}, asking again after {@code retryNanos} (the round trip, when known). */
    List<Integer> due(long nowNanos, long retryNanos) {
        List<Integer> due = new ArrayList<>();
        long retry = retryNanos;
        long maxWait = settings.maxWait().toNanos();
        for (Iterator<Map.Entry<Long, Request>> it = missing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Request> entry = it.next();
            Request request = entry.getValue();
            boolean retryDue = request.count == 0 || nowNanos - request.lastNanos >= retry;
            if (nowNanos - request.sinceNanos > maxWait || (retryDue && request.count >= settings.maxRequests())) {
                it.remove();
                givenUp++;
                continue;
            }
            if (retryDue) {
                request.count++;
                request.lastNanos = nowNanos;
                requested++;
                due.add((int) (entry.getKey() & 0xFFFF));
            }
        }
        return due;
    }

    int missingCount() {
        return missing.size();
    }

    /** Requests made (a packet asked for three times counts three). */
    long requested() {
        return requested;
    }

    /** Packets that arrived after being asked for. */
    long recovered() {
        return recovered;
    }

    long givenUp() {
        return givenUp;
    }
}
