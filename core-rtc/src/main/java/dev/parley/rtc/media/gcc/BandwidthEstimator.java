package dev.parley.rtc.media.gcc;

import dev.parley.rtc.interceptor.twcc.PacketFeedback;
import dev.parley.rtc.interceptor.twcc.TransportFeedbackListener;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send-side bandwidth estimate of Google congestion control: transport-wide feedback in, a
 * target bitrate out (the minimum of the delay-based and the loss-based rate, and of the
 * receiver's REMB where it sends one — a hint from its own estimate). The encoder and pacer
 * follow the target; it changes only on feedback. Runs on the peer connection's executor,
 * where feedback arrives.
 *
 * <p>It starts low and probes ({@link ProbeController}): as media starts it asks the pacer for
 * short bursts at several times the start rate, and a burst the path delivered sets the estimate
 * at once to what it carried ({@link ProbeBitrateEstimator}) — a fast ramp on a wide path with
 * no flooding of a narrow one. Probes do not lower the estimate: that is the detectors' job.
 */
public final class BandwidthEstimator implements TransportFeedbackListener {
    private static final Logger log = LoggerFactory.getLogger(BandwidthEstimator.class);
    /**
     * @param startBps where to begin before any feedback (libwebrtc: 300 kbit/s)
     * @param minBps never below (a usable audio call)
     * @param maxBps never above
     */
    public record Settings(long startBps, long minBps, long maxBps) {
        public static final Settings DEFAULTS = new Settings(300_000, 30_000, 20_000_000);

        public Settings {
            if (minBps <= 0 || startBps < minBps || maxBps < startBps) {
                throw new IllegalArgumentException("need 0 < min <= start <= max, got " + minBps + ", " + startBps
                        + ", " + maxBps);
            }
        }
    }

    /** libwebrtc's assumption until RTCP measures one. */
    static final long DEFAULT_RTT_MICROS = 200_000;

    private final Settings settings;
    private final LongConsumer onTargetChange;
    private final ArrivalGroups groups = new ArrivalGroups();
    private final TrendlineFilter trendline = new TrendlineFilter();
    private final OveruseDetector detector = new OveruseDetector();
    private final AcknowledgedBitrate acknowledged = new AcknowledgedBitrate();
    private final AimdRateControl delayBased;
    private final LossBasedControl lossBased;
    private BandwidthUsage usage = BandwidthUsage.NORMAL;
    private long rttMicros = DEFAULT_RTT_MICROS;
    private long targetBps;
    private long receiverEstimateBps = Long.MAX_VALUE;
    private final ProbeController probeController;
    private final ProbeBitrateEstimator probeEstimator = new ProbeBitrateEstimator();
    private final Consumer<ProbeRequest> probes;

    /** Without probing: the estimate grows from the start rate by the detectors alone. */
    public BandwidthEstimator(Settings settings, LongConsumer onTargetChange) {
        this(settings, onTargetChange, request -> { }, settings::maxBps);
    }

    /**
     * @param onTargetChange told each new target (bits per second), on the executor
     * @param probes where probe requests go (the pacer), on the executor
     * @param wantedBps what the senders would send at most now: probing stops there
     */
    public BandwidthEstimator(Settings settings, LongConsumer onTargetChange, Consumer<ProbeRequest> probes,
            LongSupplier wantedBps) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onTargetChange = Objects.requireNonNull(onTargetChange, "onTargetChange");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.probeController = new ProbeController(settings.startBps(), Objects.requireNonNull(wantedBps, "wantedBps"));
        this.delayBased = new AimdRateControl(settings.startBps(), settings.minBps(), settings.maxBps());
        this.lossBased = new LossBasedControl(settings.startBps());
        this.targetBps = settings.startBps();
    }

    /** The rate to send at now, in bits per second. */
    public long targetBitrateBps() {
        return targetBps;
    }

    /** Media began to flow: the start-up probes go out now, so they have media to pad. */
    public void onMediaStarted() {
        probeController.onMediaStarted().forEach(probes);
    }

    /** The pacer sent a probe: its feedback will be judged. */
    public void onProbeSent(SentProbe probe) {
        log.debug("probe sent: {}", probe);
        probeEstimator.onProbeSent(probe);
    }

    /** Probes whose feedback could not be judged (too much of them lost, or too few packets). */
    public long probesUnusable() {
        return probeEstimator.probesUnusable();
    }

    /** A round-trip time measured by RTCP. */
    public void onRoundTripTime(long rttMicros) {
        if (rttMicros > 0) {
            this.rttMicros = rttMicros;
        }
    }

    /** The receiver's own estimate (REMB, draft-alvestrand-rmcat-remb): the target stays at or under it. */
    public void onReceiverEstimate(long bitsPerSecond) {
        if (bitsPerSecond <= 0) {
            return;
        }
        receiverEstimateBps = bitsPerSecond;
        publish(Math.min(targetBps, bitsPerSecond));
    }

    @Override
    public void onFeedback(List<PacketFeedback> packets, long nowNanos) {
        for (PacketFeedback p : packets) {
            lossBased.add(p.received());
            if (!p.received()) {
                continue;
            }
            acknowledged.add(p.arrivalMicros(), p.sizeBytes());
            ArrivalGroups.Delta delta = groups.add(p.sendNanos() / 1000, p.arrivalMicros(), p.sizeBytes());
            if (delta != null) {
                double trend = trendline.update(delta);
                usage = detector.detect(trend, delta.sendDeltaMicros() / 1000.0, delta.arrivalMicros());
            }
        }
        long nowMicros = nowNanos / 1000;
        long unusableBefore = probeEstimator.probesUnusable();
        OptionalLong probed = probeEstimator.onFeedback(packets, nowNanos);
        if (probed.isPresent()) {
            log.debug("a probe found {} kbit/s (estimate {} kbit/s, {})", probed.getAsLong() / 1000, targetBps / 1000,
                    usage);
            if (usage != BandwidthUsage.OVERUSE) {
                delayBased.raiseTo(probed.getAsLong());
                lossBased.raiseTo(probed.getAsLong());
            }
            probeController.onResult(probed.getAsLong()).forEach(probes);
        }
        if (probeEstimator.probesUnusable() > unusableBefore) {
            log.debug("{} probes unusable so far", probeEstimator.probesUnusable());
            probeController.onProbesFailed(probeEstimator.pending()).forEach(probes);
        }
        long delayRate = delayBased.update(usage, acknowledged.bitsPerSecond(), nowMicros, rttMicros);
        long lossRate = lossBased.update(nowMicros, delayRate);
        long rate = Math.min(Math.min(delayRate, lossRate), receiverEstimateBps);
        if (rate != targetBps && log.isDebugEnabled()) {
            log.debug("target {} kbit/s: delay-based {} ({}), loss-based {} (loss {}%), receiver {}", rate / 1000,
                    delayRate / 1000, usage, lossRate / 1000, Math.round(lossBased.lastLossRatio() * 1000) / 10.0,
                    receiverEstimateBps == Long.MAX_VALUE ? "-" : receiverEstimateBps / 1000);
        }
        publish(rate);
    }

    private void publish(long rate) {
        long target = Math.max(settings.minBps(), rate);
        if (target != targetBps) {
            targetBps = target;
            onTargetChange.accept(target);
        }
    }
}
