package dev.parley.app.peer;

import com.google.gson.GsonBuilder;
import dev.parley.rtc.RTCStats;
import dev.parley.rtc.RTCStatsReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the headless peer's state to {@code --stats-json} every second: the call, its
 * connection state, what was received, and the W3C stats a tester looks at first (inbound and
 * outbound RTP, the transport). Replaced atomically so a reader never sees half a file.
 */
final class PeerStats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerStats.class);

    private final PeerOptions options;
    private final Supplier<PeerCall> call;
    private final AtomicLong audioFrames;
    private final AtomicLong chatMessages;
    private ScheduledExecutorService timer;

    PeerStats(PeerOptions options, Supplier<PeerCall> call, AtomicLong audioFrames, AtomicLong chatMessages) {
        this.options = options;
        this.call = call;
        this.audioFrames = audioFrames;
        this.chatMessages = chatMessages;
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

    private void write() {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", options.name());
            out.put("timestampMs", System.currentTimeMillis());
            out.put("audioFramesReceived", audioFrames.get());
            out.put("chatMessagesReceived", chatMessages.get());
            PeerCall current = call.get();
            if (current != null) {
                out.put("callId", current.callId);
                out.put("connectionState", current.pc.connectionState().toString());
                RTCStatsReport report = current.pc.getStats().get(2, TimeUnit.SECONDS);
                for (String type : new String[] {"inbound-rtp", "outbound-rtp", "transport"}) {
                    Map<String, Object> merged = new LinkedHashMap<>();
                    for (RTCStats s : report.ofType(type)) {
                        merged.put(s.id(), s.members());
                    }
                    out.put(type, merged);
                }
            }
            Path file = options.statsJson();
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, new GsonBuilder().setPrettyPrinting().create().toJson(out), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("stats not written: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
