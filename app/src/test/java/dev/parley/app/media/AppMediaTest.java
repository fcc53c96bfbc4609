package dev.parley.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.media.CameraDrivers;
import dev.parley.media.MediaDevices;
import dev.parley.media.MediaDevicesOptions;
import dev.parley.media.MediaTrackSettings;
import dev.parley.media.SyntheticAudioProvider;
import dev.parley.media.SyntheticCameraDriver;
import dev.parley.media.WebcamProvider;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app opens the chosen camera and microphone at the asked size, and falls back when a chosen one is gone. */
class AppMediaTest {

    private static AppMedia syntheticOnly() {
        CameraDrivers cameras = new CameraDrivers(List.of(new SyntheticCameraDriver()));
        return new AppMedia(new MediaDevices(List.of(new WebcamProvider(cameras, Duration.ofSeconds(4)),
                new SyntheticAudioProvider(AppMedia.TONE_HZ, List.of())), MediaDevicesOptions.DEFAULTS));
    }

    @Test
    void opensACameraAndAMicrophoneAtTheAskedSize() throws Exception {
        try (AppMedia media = syntheticOnly()) {
            MediaStream stream = media.openCameraAndMicrophone(Optional.empty(), Optional.empty(), new VideoSize(640, 360))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(1, stream.getVideoTracks().size());
            assertEquals(1, stream.getAudioTracks().size());
            MediaTrackSettings video = media.devices().getSettings(stream.getVideoTracks().get(0)).orElseThrow();
            assertEquals(640, (int) video.width());
            assertEquals(360, (int) video.height());
            stream.getTracks().forEach(MediaStreamTrack::stop);
        }
    }

    @Test
    void aChosenDeviceThatIsGoneFallsBackToTheDefault() throws Exception {
        try (AppMedia media = syntheticOnly()) {
            MediaStream stream = media.openCameraAndMicrophone(Optional.of("unplugged-camera"), Optional.of("unplugged-mic"),
                    VideoSize.DEFAULT).get(10, TimeUnit.SECONDS);
            assertEquals(2, stream.getTracks().size());
            stream.getTracks().forEach(MediaStreamTrack::stop);
        }
    }
}
