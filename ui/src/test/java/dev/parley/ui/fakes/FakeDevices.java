package dev.parley.ui.fakes;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoTrackSource;
import dev.parley.ui.port.DeviceLists;
import dev.parley.ui.port.DeviceOption;
import dev.parley.ui.port.Devices;
import dev.parley.ui.port.LevelListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two cameras, two microphones, two speakers; preview tracks from one source per camera. */
public final class FakeDevices implements Devices {
    public static final DeviceLists LISTS = new DeviceLists(
            List.of(new DeviceOption("cam1", "Built-in camera"), new DeviceOption("cam2", "USB camera")),
            List.of(new DeviceOption("mic1", "Built-in microphone"), new DeviceOption("mic2", "Headset")),
            List.of(new DeviceOption("spk1", "Speakers"), new DeviceOption("spk2", "Headphones")));

    public final Map<String, VideoTrackSource> cameraSources = new ConcurrentHashMap<>();
    /** Preview tracks opened, in order, with the camera each came from. */
    public final List<String> previewsOpened = new CopyOnWriteArrayList<>();
    public final List<MediaStreamTrack> previewTracks = new CopyOnWriteArrayList<>();
    public final Map<String, LevelListener> levelListeners = new ConcurrentHashMap<>();
    public final List<String> soundsPlayed = new CopyOnWriteArrayList<>();
    /** When set, previews open only when the test completes {@link #pendingPreviews} (a slow camera). */
    public volatile boolean deferPreviews;
    public final List<CompletableFuture<MediaStreamTrack>> pendingPreviews = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<DeviceLists> list() {
        return CompletableFuture.completedFuture(LISTS);
    }

    @Override
    public CompletableFuture<MediaStreamTrack> openPreview(String cameraId) {
        previewsOpened.add(cameraId);
        MediaStreamTrack track = cameraSources.computeIfAbsent(cameraId, id -> new VideoTrackSource()).createTrack(cameraId);
        previewTracks.add(track);
        if (deferPreviews) {
            CompletableFuture<MediaStreamTrack> pending = new CompletableFuture<>();
            pendingPreviews.add(pending);
            return pending;
        }
        return CompletableFuture.completedFuture(track);
    }

    @Override
    public AutoCloseable microphoneLevel(String microphoneId, LevelListener listener) {
        levelListeners.put(microphoneId, listener);
        return () -> levelListeners.remove(microphoneId, listener);
    }

    @Override
    public void playTestSound(String speakerId) {
        soundsPlayed.add(speakerId);
    }
}
