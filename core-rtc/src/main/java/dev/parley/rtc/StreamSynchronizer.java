package dev.parley.rtc;

import dev.parley.rtc.interceptor.PeriodicTask;
import dev.parley.rtc.media.PlayoutPoint;
import dev.parley.rtc.media.RelativeDelayEstimator;
import dev.parley.rtc.media.SenderClock;
import dev.parley.rtc.media.SyncDelayController;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.sdp.MediaKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lip sync: lines up the playout of a remote audio track and a remote video track of the same
 * remote stream ({@code a=msid}: one sender, one clock), as RFC 3550 §6.4.1 lets a receiver do with
 * the NTP/RTP pairs of sender reports.
 *
 * <p>Every {@value #SAMPLE_MILLIS} ms it takes what each track played last ({@link PlayoutPoint})
 * and turns it, through the sender's clock ({@link SenderClock}), into that track's delay from
 * capture to playout; the difference video − audio feeds a {@link RelativeDelayEstimator}, whose
 * windows drive a {@link SyncDelayController}, whose delays go to the receivers (the audio jitter
 * buffer's target, the video playout's render time). Without sender reports, with a track that
 * stopped playing, or once the pair is gone, the extra delays walk back to zero. On the executor;
 * the timer runs only while some remote stream has both an audio and a video track.
 */
final class StreamSynchronizer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamSynchronizer.class);
    static final long SAMPLE_MILLIS = 100;
    /** A track that played nothing for this long has stopped: nothing to line up with. */
    static final long STALE_NANOS = 1_000_000_000L;

    private final SerialExecutor executor;
    private final Function<RTCRtpReceiver, Optional<SenderClock>> clocks;
    private final PeriodicTask timer;
    private final Map<String, SyncedPair> pairs = new HashMap<>();

    /** One audio and one video receiver of a remote stream, and their sync state. */
    private static final class SyncedPair {
        final String streamId;
        RTCRtpReceiver audio;
        RTCRtpReceiver video;
        final RelativeDelayEstimator estimator;
        final SyncDelayController controller = new SyncDelayController();

        SyncedPair(String streamId, long nowNanos) {
            this.streamId = streamId;
            this.estimator = new RelativeDelayEstimator(nowNanos);
        }
    }

    /** @param clocks the sender's clock of the stream a receiver gets, once the SSRC is bound */
    StreamSynchronizer(SerialExecutor executor, Function<RTCRtpReceiver, Optional<SenderClock>> clocks) {
        this.executor = executor;
        this.clocks = clocks;
        this.timer = new PeriodicTask(executor, SAMPLE_MILLIS, this::sample);
    }

    /**
     * The receivers after a remote description was applied: pairs each remote stream's first
     * audio and first video receiver (W3C: tracks of one MediaStream are synchronised). A receiver
     * that leaves its pair gets its extra delay back at once.
     */
    void update(List<RTCRtpReceiver> receivers) {
        Map<String, RTCRtpReceiver[]> byStream = new LinkedHashMap<>();
        for (RTCRtpReceiver receiver : receivers) {
            if (receiver.transceiver() == null || receiver.transceiver().isStopping()) {
                continue;
            }
            for (MediaStream stream : receiver.streams()) {
                RTCRtpReceiver[] both = byStream.computeIfAbsent(stream.id(), id -> new RTCRtpReceiver[2]);
                int slot = receiver.kind() == MediaKind.AUDIO ? 0 : 1;
                if (both[slot] == null) {
                    both[slot] = receiver;
                }
            }
        }
        long now = executor.nanoTime();
        for (SyncedPair pair : List.copyOf(pairs.values())) {
            RTCRtpReceiver[] both = byStream.get(pair.streamId);
            if (both == null || both[0] != pair.audio || both[1] != pair.video) {
                pair.audio.setSyncDelay(0);
                pair.video.setSyncDelay(0);
                pairs.remove(pair.streamId);
            }
        }
        byStream.forEach((id, both) -> {
            if (both[0] != null && both[1] != null && !pairs.containsKey(id)) {
                SyncedPair pair = new SyncedPair(id, now);
                pair.audio = both[0];
                pair.video = both[1];
                pairs.put(id, pair);
            }
        });
        if (pairs.isEmpty()) {
            timer.stop();
        } else {
            timer.start();
        }
    }

    private void sample() {
        long now = executor.nanoTime();
        for (SyncedPair pair : pairs.values()) {
            Optional<Long> audioDelay = captureToPlayout(pair.audio, now);
            Optional<Long> videoDelay = captureToPlayout(pair.video, now);
            if (audioDelay.isEmpty() || videoDelay.isEmpty()) {
                if (pair.controller.release()) {
                    apply(pair, "no sender reports or playout on one track");
                }
                pair.estimator.restart(now);
                continue;
            }
            pair.estimator.add(videoDelay.get() - audioDelay.get(), now);
            pair.estimator.estimate(now).ifPresent(videoLater -> {
                if (pair.controller.update(videoLater)) {
                    apply(pair, "video plays " + videoLater / 1_000_000 + " ms after audio");
                }
                pair.estimator.restart(now);
            });
        }
    }

    /** Playout time minus the sender's NTP time of what was played (plus the clocks' unknown offset). */
    private Optional<Long> captureToPlayout(RTCRtpReceiver receiver, long nowNanos) {
        PlayoutPoint played = receiver.lastPlayed();
        if (played == null || nowNanos - played.localNanos() > STALE_NANOS) {
            return Optional.empty();
        }
        return clocks.apply(receiver).filter(SenderClock::known)
                .map(clock -> played.localNanos() - clock.senderNanos(played.rtpTimestamp()).getAsLong());
    }

    private void apply(SyncedPair pair, String why) {
        pair.audio.setSyncDelay(pair.controller.audioExtraNanos());
        pair.video.setSyncDelay(pair.controller.videoExtraNanos());
        log.debug("A/V sync of stream {}: {}; extra delay now audio {} ms, video {} ms", pair.streamId, why,
                pair.controller.audioExtraNanos() / 1_000_000, pair.controller.videoExtraNanos() / 1_000_000);
    }

    @Override
    public void close() {
        timer.close();
        pairs.clear();
    }
}
