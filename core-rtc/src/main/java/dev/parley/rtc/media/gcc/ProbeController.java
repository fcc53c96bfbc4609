package dev.parley.rtc.media.gcc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * When to probe and how hard, as libwebrtc's probe controller does at the start of a call: an
 * estimate that starts low (so a narrow link is not flooded) would take tens of seconds to grow
 * at 8 % a second; two probes at {@value #FIRST_PROBE}× and {@value #SECOND_PROBE}× the start
 * rate, sent as media begins, find out within a round trip what the path carries. While a
 * probe comes back at {@value #FURTHER_PROBING_RATIO} of its rate or more, the next one doubles
 * the result, until the senders have all they want ({@code wantedBps}): probing for more than
 * anyone would send only loads the path.
 *
 * <p>Start-up probes can be lost whole: the first packets of a call may reach a peer still
 * finishing its DTLS handshake, which can not decrypt them and reports them lost. When every
 * start-up probe failed and none found anything, they are sent again, up to
 * {@value #MAX_START_RETRIES} times.
 */
final class ProbeController {
    static final int FIRST_PROBE = 3;
    static final int SECOND_PROBE = 6;
    static final double FURTHER_PROBING_RATIO = 0.7;
    /** A probe lasts at least this long at its rate, and holds at least {@value #MIN_PACKETS} packets. */
    static final long MIN_DURATION_MILLIS = 15;
    static final int MIN_PACKETS = 5;
    static final int PACKET_BYTES = 1200;
    static final int MAX_START_RETRIES = 2;

    private final long startBps;
    private final LongSupplier wantedBps;
    private boolean started;
    private int nextId = 1;
    /** The rate of the highest probe sent and not yet answered, or 0. */
    private long highestProbedBps;
    private boolean anyResult;
    private int startRetries;

    /** @param wantedBps what the senders would send at most now (their caps summed) */
    ProbeController(long startBps, LongSupplier wantedBps) {
        this.startBps = startBps;
        this.wantedBps = wantedBps;
    }

    /** The probes to send as media starts; none the second time. */
    List<ProbeRequest> onMediaStarted() {
        if (started) {
            return List.of();
        }
        started = true;
        return startProbes();
    }

    /**
     * The probes out failed, none left pending ({@code pending} 0): start-up probes go again while
     * none has found anything yet.
     */
    List<ProbeRequest> onProbesFailed(int pending) {
        if (!started || anyResult || pending > 0 || startRetries >= MAX_START_RETRIES) {
            return List.of();
        }
        startRetries++;
        highestProbedBps = 0;
        return startProbes();
    }

    private List<ProbeRequest> startProbes() {
        List<ProbeRequest> probes = new ArrayList<>();
        for (long rate : new long[] {FIRST_PROBE * startBps, SECOND_PROBE * startBps}) {
            long capped = Math.min(rate, ceiling());
            if (capped > startBps && (probes.isEmpty() || capped > probes.get(probes.size() - 1).rateBps())) {
                probes.add(request(capped));
            }
        }
        return probes;
    }

    /**
     * A probe found {@code resultBps}: probe further when it came back near the highest rate
     * probed so far (a lower probe's result says nothing of the higher one still out).
     */
    List<ProbeRequest> onResult(long resultBps) {
        anyResult = true;
        long probed = highestProbedBps;
        if (probed == 0 || resultBps < FURTHER_PROBING_RATIO * probed) {
            return List.of();
        }
        long next = Math.min(2 * resultBps, ceiling());
        if (resultBps >= wantedBps.getAsLong() || next <= probed) {
            highestProbedBps = 0; // the senders have what they want, or the ceiling is reached
            return List.of();
        }
        return List.of(request(next));
    }

    /** Probing stops at twice what the senders want: enough to see they will get it. */
    private long ceiling() {
        return 2 * Math.max(startBps, wantedBps.getAsLong());
    }

    private ProbeRequest request(long rateBps) {
        highestProbedBps = Math.max(highestProbedBps, rateBps);
        int bytes = (int) Math.max(MIN_PACKETS * PACKET_BYTES, rateBps * MIN_DURATION_MILLIS / 8000);
        return new ProbeRequest(nextId++, rateBps, bytes);
    }
}
