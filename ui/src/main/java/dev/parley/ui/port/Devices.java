package dev.parley.ui.port;

import dev.parley.rtc.MediaStreamTrack;
import java.util.concurrent.CompletableFuture;

/** Cameras, microphones and speakers for the first-run and settings screens. */
public interface Devices {

    /** Enumerates the devices (may take a moment: the app asks the OS). */
    CompletableFuture<DeviceLists> list();

    /** Opens {@code cameraId} for the preview; the caller stops the track when done. */
    CompletableFuture<MediaStreamTrack> openPreview(String cameraId);

    /** Reports {@code microphoneId}'s level until the handle is closed. */
    AutoCloseable microphoneLevel(String microphoneId, LevelListener listener);

    /** Plays a short sound on {@code speakerId}. */
    void playTestSound(String speakerId);
}
