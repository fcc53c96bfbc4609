package dev.parley.app.peer;

import dev.parley.app.call.PeerCall;
import com.google.gson.GsonBuilder;
import dev.parley.app.files.AtomicFiles;
import dev.parley.rtc.RTCStats;
import dev.parley.rtc.RTCStatsReport;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the headless peer's state to {@code --stats-json} every second: the call, its
 * connection state, what was received, a {@code video} summary (per direction: frames decoded or
 * encoded, frames per second, frame size, bitrate over the last second) and the W3C stats a tester
 * looks at first (inbound and outbound RTP, the transport). After a call ends its last sample stays,
 * marked {@code "connectionState": "ended"}. Replaced atomically so a reader never sees half a file.
 */
final class PeerStats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerStats.class);

    private final PeerOptions options;
    private final Supplier<PeerCall> call;
    private final Counters counters;
    /** Bytes and time of the last write per RTP stream id, for the bitrate over the last interval. */
    private final Map<String, double[]> lastBytes = new HashMap<>();
    private ScheduledExecutorService timer;
    /** The last sample of the current or last call. */
    private Map<String, Object> lastCall;

    /** What the peer counts itself, beside the engine's stats. */
    record Counters(AtomicLong audioFrames, AtomicLong videoFrames, AtomicLong chatMessages,
                    LongSupplier videoFramesNotRecorded) {}

    PeerStats(PeerOptions options, Supplier<PeerCall> call, Counters counters) {
        this.options = options;
        this.call = call;
        this.counters = counters;
    }

    synchronized void start() {
        if (options.statsJson() == null || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-peer-stats");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::write, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void write() {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", options.name());
            out.put("timestampMs", System.currentTimeMillis());
            out.put("audioFramesReceived", counters.audioFrames().get());
            out.put("videoFramesReceived", counters.videoFrames().get());
            out.put("videoFramesNotRecorded", counters.videoFramesNotRecorded().getAsLong());
            out.put("chatMessagesReceived", counters.chatMessages().get());
            PeerCall current = call.get();
            if (current != null) {
                Map<String, Object> callStats = new LinkedHashMap<>();
                callStats.put("callId", current.callId());
                callStats.put("connectionState", current.peerConnection().connectionState().toString());
                RTCStatsReport report = current.peerConnection().getStats().get(2, TimeUnit.SECONDS);
                Map<String, Object> video = new LinkedHashMap<>();
                video.put("inbound", videoSummary(report, "inbound-rtp", "bytesReceived", "framesDecoded"));
                video.put("outbound", videoSummary(report, "outbound-rtp", "bytesSent", "framesEncoded"));
                callStats.put("video", video);
                for (String type : new String[] {"inbound-rtp", "outbound-rtp", "transport"}) {
                    Map<String, Object> merged = new LinkedHashMap<>();
                    for (RTCStats s : report.ofType(type)) {
                        merged.put(s.id(), s.members());
                    }
                    callStats.put(type, merged);
                }
                lastCall = callStats;
            } else if (lastCall != null) {
                // The call ended: its last sample stays, so the final file tells how the call went.
                lastCall.put("connectionState", "ended");
            }
            if (lastCall != null) {
                out.putAll(lastCall);
            }
            AtomicFiles.writeString(options.statsJson(), new GsonBuilder().setPrettyPrinting().create().toJson(out));
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("stats not written: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The essentials of the video streams of one direction, keyed by stats id. */
    private Map<String, Object> videoSummary(RTCStatsReport report, String type, String bytesMember,
                                             String framesMember) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (RTCStats s : report.ofType(type)) {
            if (!"video".equals(s.getString("kind").orElse(""))) {
                continue;
            }
            Map<String, Object> essentials = new LinkedHashMap<>();
            for (String member : new String[] {framesMember, "framesPerSecond", "frameWidth", "frameHeight"}) {
                s.get(member).ifPresent(value -> essentials.put(member, value));
            }
            double bytes = s.getLong(bytesMember);
            double[] last = lastBytes.put(s.id(), new double[] {bytes, s.timestamp()});
            if (last != null && s.timestamp() > last[1]) {
                // W3C stats timestamps are milliseconds.
                essentials.put("bitrate", Math.round((bytes - last[0]) * 8 * 1000 / (s.timestamp() - last[1])));
            }
            summary.put(s.id(), essentials);
        }
        return summary;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            write();
            timer = null;
        }
    }
}
