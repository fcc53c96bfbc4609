package dev.parley.app.media;

import com.github.sarxos.webcam.WebcamDriver;
import dev.parley.media.CameraDrivers;
import dev.parley.media.FileCameraDriver;
import dev.parley.media.ConstrainNumber;
import dev.parley.media.ConstrainString;
import dev.parley.media.JavaSoundProvider;
import dev.parley.media.MediaDevices;
import dev.parley.media.MediaDevicesOptions;
import dev.parley.media.MediaStreamConstraints;
import dev.parley.media.MediaTrackConstraints;
import dev.parley.media.SyntheticAudioProvider;
import dev.parley.media.SyntheticCameraDriver;
import dev.parley.media.WebcamProvider;
import dev.parley.rtc.MediaStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The desktop app's devices: the machine's cameras, microphones and speakers first (so they are
 * the defaults), then a synthetic camera and a tone — a machine with none, such as a server
 * under Xvfb, still has something to show and to call with.
 */
public final class AppMedia implements AutoCloseable {
    /** The synthetic microphone's tone. */
    public static final double TONE_HZ = 440;
    private static final Duration CAMERA_DISCOVERY = Duration.ofSeconds(4);

    private final MediaDevices devices;

    public AppMedia(MediaDevices devices) {
        this.devices = devices;
    }

    /** Real devices, then the synthetic camera (and a camera playing {@code cameraFile}, if given) and tone. */
    public static AppMedia standard(Optional<Path> cameraFile) {
        CameraDrivers cameras = new CameraDrivers(CameraDrivers.standard(true, cameraFile));
        return new AppMedia(new MediaDevices(List.of(
                new WebcamProvider(cameras, CAMERA_DISCOVERY),
                new JavaSoundProvider(),
                new SyntheticAudioProvider(TONE_HZ, List.of())), MediaDevicesOptions.DEFAULTS));
    }

    /**
     * Only the synthetic camera and tone: the same devices on every machine, for tests,
     * demonstrations and runs under Xvfb ({@code --synthetic-devices}).
     */
    public static AppMedia synthetic() {
        return synthetic(Optional.empty());
    }

    /** {@link #synthetic()} plus a camera playing {@code cameraFile}, if given. */
    public static AppMedia synthetic(Optional<Path> cameraFile) {
        List<WebcamDriver> drivers = new java.util.ArrayList<>(List.of(new SyntheticCameraDriver()));
        cameraFile.ifPresent(file -> drivers.add(new FileCameraDriver(file)));
        CameraDrivers cameras = new CameraDrivers(drivers);
        return new AppMedia(new MediaDevices(List.of(new WebcamProvider(cameras, CAMERA_DISCOVERY),
                new SyntheticAudioProvider(TONE_HZ, List.of())), MediaDevicesOptions.DEFAULTS));
    }

    public MediaDevices devices() {
        return devices;
    }

    /**
     * Opens the chosen camera and microphone (an absent id: the default; a chosen one that is gone
     * falls back to another, as {@code ideal} does on the web) at about {@code size}.
     */
    public CompletableFuture<MediaStream> openCameraAndMicrophone(Optional<String> cameraId, Optional<String> microphoneId,
                                                                  VideoSize size) {
        MediaTrackConstraints.Builder video = MediaTrackConstraints.builder()
                .width(ConstrainNumber.ideal(size.width())).height(ConstrainNumber.ideal(size.height()));
        cameraId.ifPresent(id -> video.deviceId(ConstrainString.ideal(id)));
        MediaTrackConstraints.Builder audio = MediaTrackConstraints.builder();
        microphoneId.ifPresent(id -> audio.deviceId(ConstrainString.ideal(id)));
        return devices.getUserMedia(MediaStreamConstraints.builder().video(video.build()).audio(audio.build()).build());
    }

    /** Opens the chosen microphone alone (an audio-only call). */
    public CompletableFuture<MediaStream> openMicrophone(Optional<String> microphoneId) {
        MediaTrackConstraints.Builder audio = MediaTrackConstraints.builder();
        microphoneId.ifPresent(id -> audio.deviceId(ConstrainString.ideal(id)));
        return devices.getUserMedia(MediaStreamConstraints.builder().audio(audio.build()).build());
    }

    @Override
    public void close() {
        devices.close();
    }
}
