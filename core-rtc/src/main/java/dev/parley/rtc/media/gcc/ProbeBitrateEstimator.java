package dev.parley.rtc.media.gcc;

import dev.parley.rtc.interceptor.twcc.PacketFeedback;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a probe found the path can carry, from the transport-wide feedback of its packets: the
 * rate they were sent at and the rate they arrived at. A path that keeps up delivers at the send
 * rate; one that cannot spreads the packets out to its own rate, which is then what it carries.
 * As libwebrtc's probe estimator, with its thresholds: at least {@value #MIN_RECEIVED_RATIO} of
 * the packets arrived; arrival under {@value #UNSATURATED_RATIO} of the send rate means the path
 * was saturated, and the result is {@value #UTILIZATION} of the arrival rate.
 */
final class ProbeBitrateEstimator {
    static final double MIN_RECEIVED_RATIO = 0.8;
    static final double UNSATURATED_RATIO = 0.9;
    static final double UTILIZATION = 0.95;
    /** Arriving faster than twice the send rate is no measurement (clock trouble, a burst held and let go). */
    static final double MAX_RECEIVE_TO_SEND_RATIO = 2.0;
    /** A probe whose feedback has not completed by then is dropped. */
    static final long GIVE_UP_NANOS = 2_000_000_000L;
    static final long MAX_INTERVAL_MICROS = 1_000_000;

    /** The feedback of one probe so far. */
    private static final class Tally {
        final SentProbe probe;
        int reported;
        int received;
        long bytesSent;
        long bytesReceived;
        long firstSend = Long.MAX_VALUE;
        long lastSend = Long.MIN_VALUE;
        int lastSentSize;
        long firstArrival = Long.MAX_VALUE;
        long lastArrival = Long.MIN_VALUE;
        int firstArrivedSize;
        boolean complete;

        Tally(SentProbe probe) {
            this.probe = probe;
        }

        void add(PacketFeedback p) {
            reported++;
            bytesSent += p.sizeBytes();
            firstSend = Math.min(firstSend, p.sendNanos());
            if (p.sendNanos() >= lastSend) {
                lastSend = p.sendNanos();
                lastSentSize = p.sizeBytes();
            }
            if (p.received()) {
                received++;
                bytesReceived += p.sizeBytes();
                if (p.arrivalMicros() < firstArrival) {
                    firstArrival = p.arrivalMicros();
                    firstArrivedSize = p.sizeBytes();
                }
                lastArrival = Math.max(lastArrival, p.arrivalMicros());
            }
        }
    }

    private final List<Tally> pending = new ArrayList<>();
    private long probesUnusable;

    void onProbeSent(SentProbe probe) {
        pending.add(new Tally(probe));
    }

    /** Probes sent and not yet judged. */
    int pending() {
        return pending.size();
    }

    /** Probes whose feedback said nothing usable (too few packets arrived, or too few to time). */
    long probesUnusable() {
        return probesUnusable;
    }

    /**
     * Feeds one feedback message; a probe is judged once feedback covers a packet sent after it
     * (feedback runs in send order, so nothing of the probe can follow).
     *
     * @return the highest rate a probe completed by this feedback found, if any did
     */
    OptionalLong onFeedback(List<PacketFeedback> packets, long nowNanos) {
        long latestSend = Long.MIN_VALUE;
        for (PacketFeedback p : packets) {
            latestSend = Math.max(latestSend, p.sendNanos());
            for (Tally t : pending) {
                if (p.sendNanos() >= t.probe.firstSendNanos() && p.sendNanos() <= t.probe.lastSendNanos()) {
                    t.add(p);
                }
            }
        }
        long best = -1;
        for (Iterator<Tally> it = pending.iterator(); it.hasNext(); ) {
            Tally t = it.next();
            if (latestSend > t.probe.lastSendNanos()) {
                it.remove();
                long rate = rate(t);
                if (rate > 0) {
                    best = Math.max(best, rate);
                } else {
                    probesUnusable++;
                }
            } else if (nowNanos - t.probe.lastSendNanos() > GIVE_UP_NANOS) {
                it.remove();
                probesUnusable++;
            }
        }
        return best > 0 ? OptionalLong.of(best) : OptionalLong.empty();
    }

    /** The probe's result in bits per second, or -1 when its feedback cannot tell. */
    private static long rate(Tally t) {
        if (t.reported < 2 || t.received < 2 || t.received < MIN_RECEIVED_RATIO * t.reported) {
            return -1;
        }
        long sendMicros = (t.lastSend - t.firstSend) / 1000;
        long receiveMicros = t.lastArrival - t.firstArrival;
        if (sendMicros <= 0 || receiveMicros <= 0 || sendMicros > MAX_INTERVAL_MICROS
                || receiveMicros > MAX_INTERVAL_MICROS) {
            return -1;
        }
        // n packets span n-1 intervals: the last one sent and the first one to arrive open no interval
        double sendBps = (t.bytesSent - t.lastSentSize) * 8e6 / sendMicros;
        double receiveBps = (t.bytesReceived - t.firstArrivedSize) * 8e6 / receiveMicros;
        if (receiveBps > MAX_RECEIVE_TO_SEND_RATIO * sendBps) {
            return -1;
        }
        double result = receiveBps < UNSATURATED_RATIO * sendBps ? UTILIZATION * receiveBps
                : Math.min(sendBps, receiveBps);
        return Math.round(result);
    }
}
