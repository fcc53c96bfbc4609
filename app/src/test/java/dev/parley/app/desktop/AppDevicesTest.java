package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.media.AppMedia;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.MediaStreamTrackState;
import dev.parley.ui.port.DeviceLists;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The screens' devices port over real MediaDevices (synthetic camera and tone: no hardware in CI). */
class AppDevicesTest {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final AppMedia media = AppMedia.synthetic();
    private final AppDevices devices = new AppDevices(media, clock);

    @AfterEach
    void close() {
        media.close();
        clock.shutdownNow();
    }

    @Test
    void listsCamerasAndMicrophonesForThePickers() throws Exception {
        DeviceLists lists = devices.list().get(10, TimeUnit.SECONDS);
        assertEquals(1, lists.cameras().size());
        assertFalse(lists.microphones().isEmpty());
        assertTrue(lists.speakers().isEmpty(), "the synthetic providers have no speaker");
        assertFalse(lists.cameras().get(0).label().isBlank());
    }

    @Test
    void thePreviewIsTheChosenCameraAtPreviewSize_andEndsWhenStopped() throws Exception {
        String cameraId = devices.list().get(10, TimeUnit.SECONDS).cameras().get(0).id();
        MediaStreamTrack preview = devices.openPreview(cameraId).get(10, TimeUnit.SECONDS);
        assertEquals(MediaStreamTrack.VIDEO, preview.kind());
        assertEquals(AppDevices.PREVIEW_WIDTH, (int) media.devices().getSettings(preview).orElseThrow().width());
        preview.stop();
        assertEquals(MediaStreamTrackState.ENDED, preview.readyState());
    }

    @Test
    void theMeterShowsTheMicrophonesTone_andStopsWhenClosed() throws Exception {
        CompletableFuture<Double> loud = new CompletableFuture<>();
        AutoCloseable meter = devices.microphoneLevel("", level -> {
            if (level > 0.5) {
                loud.complete(level);
            }
        });
        double level = loud.get(10, TimeUnit.SECONDS);
        assertTrue(level <= 1, "at most full: " + level);
        meter.close();
    }

    @Test
    void meterLevelIsLinearInDecibelsAboveTheFloor() {
        assertEquals(0, AppDevices.meterLevel(Double.NaN));
        assertEquals(0, AppDevices.meterLevel(Double.NEGATIVE_INFINITY));
        assertEquals(0, AppDevices.meterLevel(-80));
        assertEquals(0.5, AppDevices.meterLevel(-30), 1e-9);
        assertEquals(1, AppDevices.meterLevel(0));
    }
}
