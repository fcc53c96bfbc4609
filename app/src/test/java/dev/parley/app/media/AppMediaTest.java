package dev.parley.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.media.MediaTrackSettings;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AppMedia.synthetic() stands in for real devices here. The app opens the chosen camera and microphone at the asked size, and falls back when a chosen one is gone. */
class AppMediaTest {

    @Test
    void opensACameraAndAMicrophoneAtTheAskedSize() throws Exception {
        try (AppMedia media = AppMedia.synthetic()) {
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
        try (AppMedia media = AppMedia.synthetic()) {
            MediaStream stream = media.openCameraAndMicrophone(Optional.of("unplugged-camera"), Optional.of("unplugged-mic"),
                    VideoSize.DEFAULT).get(10, TimeUnit.SECONDS);
            assertEquals(2, stream.getTracks().size());
            stream.getTracks().forEach(MediaStreamTrack::stop);
        }
    }
}
