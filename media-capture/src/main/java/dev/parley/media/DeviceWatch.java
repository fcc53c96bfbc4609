package dev.parley.media;

import dev.parley.media.MediaDevices.ProvidedDevice;
import dev.parley.media.MediaDevices.ProviderDevices;
import dev.parley.rtc.MediaStreamTrack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watching half of {@link MediaDevices}, on two daemon threads of its own:
 * <ul>
 * <li>every poll interval, lists the devices; a changed list fires {@code devicechange}, and a
 *     device that its provider no longer lists fails its capture (its tracks end);</li>
 * <li>every 100 ms, looks at each open device: none of its tracks live (the application stopped
 *     them) releases it; no first frame within the first-frame timeout, or no frame within the
 *     stall timeout (three frame intervals at low rates) after that, fails it as unplugged.</li>
 * </ul>
 * Two threads so that a slow listing (bounded by the call timeout) never delays the capture check.
 */
final class DeviceWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceWatch.class);
    private static final long CHECK_MILLIS = 100;

    private final Supplier<CompletableFuture<List<ProviderDevices>>> lister;
    private final Map<MediaStreamTrack, DeviceCapture> captures;
    private final MediaDevicesOptions options;
    private final ScheduledThreadPoolExecutor timer;
    private final CopyOnWriteArrayList<MediaDevicesListener> listeners = new CopyOnWriteArrayList<>();
    private List<MediaDeviceInfo> lastSeen; // on the listing task only
    private final AtomicLong listings = new AtomicLong();

    DeviceWatch(Supplier<CompletableFuture<List<ProviderDevices>>> lister, Map<MediaStreamTrack, DeviceCapture> captures,
            MediaDevicesOptions options) {
        this.lister = lister;
        this.captures = captures;
        this.options = options;
        this.timer = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "parley-device-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkCaptures, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        long poll = options.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::pollDevices, 0, poll, TimeUnit.MILLISECONDS);
    }

    AutoCloseable addListener(MediaDevicesListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    static List<ProvidedDevice> provided(List<ProviderDevices> listed) {
        List<ProvidedDevice> all = new ArrayList<>();
        for (ProviderDevices answer : listed) {
            if (answer.devices() != null) {
                answer.devices().forEach(info -> all.add(new ProvidedDevice(info, answer.provider())));
            }
        }
        return all;
    }

    static List<MediaDeviceInfo> flatten(List<ProviderDevices> listed) {
        return provided(listed).stream().map(ProvidedDevice::info).toList();
    }

    private void checkCaptures() {
        long now = System.nanoTime();
        for (Map.Entry<MediaStreamTrack, DeviceCapture> entry : captures.entrySet()) {
            DeviceCapture capture = entry.getValue();
            try {
                if (capture.liveTrackCount() == 0) {
                    captures.remove(entry.getKey(), capture);
                    log.debug("{}: no live tracks left, releasing it", capture.device().label());
                    capture.close();
                    continue;
                }
                long last = capture.lastFrameNanos();
                if (last == 0 && now - capture.startedNanos() > options.firstFrameTimeout().toNanos()) {
                    capture.fail("no frame within " + options.firstFrameTimeout().toMillis() + " ms of opening");
                } else if (last != 0 && now - last > stallNanos(capture)) {
                    capture.fail("no frame for " + (now - last) / 1_000_000 + " ms");
                }
            } catch (RuntimeException e) {
                log.warn("checking {} failed", capture.device().label(), e);
            }
        }
    }

    /**
     * The stall timeout, or three frame intervals where that is longer: a screen shared at 1 fps
     * (or a camera asked for it) is not stalled between two frames a second apart.
     */
    private long stallNanos(DeviceCapture capture) {
        long stall = options.stallTimeout().toNanos();
        Double frameRate = capture.settings().frameRate();
        return frameRate == null || frameRate <= 0 ? stall : Math.max(stall, (long) (3e9 / frameRate));
    }

    private void pollDevices() {
        List<ProviderDevices> listed;
        try {
            listed = lister.get().join();
        } catch (RuntimeException e) {
            log.debug("device listing failed", e);
            return;
        }
        failVanished(listed);
        List<MediaDeviceInfo> now = flatten(listed);
        if (lastSeen != null && !new HashSet<>(now).equals(new HashSet<>(lastSeen))) {
            log.info("devices changed: {}", now);
            for (MediaDevicesListener listener : listeners) {
                try {
                    listener.onDeviceChange(now);
                } catch (RuntimeException e) {
                    log.warn("a devicechange listener failed", e);
                }
            }
        }
        lastSeen = now;
        listings.incrementAndGet();
    }

    /** Listings done so far; the first one is the baseline later changes are measured against. */
    long listings() {
        return listings.get();
    }

    /**
     * A device that no provider lists any more is gone. Only when every provider answered: one
     * that timed out may still have it.
     */
    private void failVanished(List<ProviderDevices> listed) {
        if (listed.stream().anyMatch(answer -> answer.devices() == null)) {
            return;
        }
        Set<String> present = new HashSet<>();
        flatten(listed).forEach(info -> present.add(info.deviceId()));
        for (DeviceCapture capture : captures.values()) {
            if (capture.enumerated() && !present.contains(capture.device().deviceId())) {
                capture.fail("the device is no longer listed");
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        listeners.clear();
    }
}
