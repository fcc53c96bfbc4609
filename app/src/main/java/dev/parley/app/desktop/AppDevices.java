package dev.parley.app.desktop;

import dev.parley.app.StartupMarks;
import dev.parley.app.media.AppMedia;
import dev.parley.media.AudioLevelMeter;
import dev.parley.rtc.AudioFrame;
import dev.parley.media.ConstrainNumber;
import dev.parley.media.ConstrainString;
import dev.parley.media.MediaDeviceInfo;
import dev.parley.media.MediaDeviceKind;
import dev.parley.media.MediaStreamConstraints;
import dev.parley.media.MediaTrackConstraints;
import dev.parley.media.TestSound;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.Handles;
import dev.parley.ui.port.DeviceLists;
import dev.parley.ui.port.DeviceOption;
import dev.parley.ui.port.Devices;
import dev.parley.ui.port.LevelListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' {@link Devices} over the app's {@link AppMedia}: device lists, a camera preview,
 * a microphone's level for the meter and the speaker test's sound.
 */
public final class AppDevices implements Devices {
    private static final Logger LOG = LoggerFactory.getLogger(AppDevices.class);
    /** The preview is small on screen; a smaller capture costs less while the user decides. */
    static final int PREVIEW_WIDTH = 640;
    static final int PREVIEW_HEIGHT = 360;
    /** A meter's refresh: smooth to the eye, cheap. */
    static final long LEVEL_PERIOD_MILLIS = 100;
    /** The meter shows -60 dBFS (a quiet room) as empty and 0 dBFS as full. */
    static final double METER_FLOOR_DBFS = -60;
    static final double TEST_SOUND_HZ = 440;
    static final Duration TEST_SOUND_LENGTH = Duration.ofSeconds(1);

    private final AppMedia media;
    private final ScheduledExecutorService clock;

    /** @param clock runs the level meters' readings */
    public AppDevices(AppMedia media, ScheduledExecutorService clock) {
        this.media = media;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<DeviceLists> list() {
        return media.devices().enumerateDevices().thenApply(devices -> new DeviceLists(
                options(devices, MediaDeviceKind.VIDEO_INPUT),
                options(devices, MediaDeviceKind.AUDIO_INPUT),
                options(devices, MediaDeviceKind.AUDIO_OUTPUT)));
    }

    private static List<DeviceOption> options(List<MediaDeviceInfo> devices, MediaDeviceKind kind) {
        return devices.stream().filter(d -> d.kind() == kind).map(d -> new DeviceOption(d.deviceId(), d.label())).toList();
    }

    @Override
    public CompletableFuture<MediaStreamTrack> openPreview(String cameraId) {
        MediaTrackConstraints.Builder video = MediaTrackConstraints.builder()
                .width(ConstrainNumber.ideal(PREVIEW_WIDTH)).height(ConstrainNumber.ideal(PREVIEW_HEIGHT));
        if (!cameraId.isEmpty()) {
            video.deviceId(ConstrainString.exact(cameraId));
        }
        return media.devices().getUserMedia(MediaStreamConstraints.builder().video(video.build()).build())
                .thenApply(stream -> {
                    MediaStreamTrack track = stream.getVideoTracks().get(0);
                    track.addVideoSink(frame -> StartupMarks.previewShown());   // the cold-start benchmark's mark
                    return track;
                });
    }

    @Override
    public AutoCloseable microphoneLevel(String microphoneId, LevelListener listener) {
        MediaTrackConstraints.Builder audio = MediaTrackConstraints.builder();
        if (!microphoneId.isEmpty()) {
            audio.deviceId(ConstrainString.exact(microphoneId));
        }
        AtomicBoolean closed = new AtomicBoolean();
        CompletableFuture<AutoCloseable> metering = media.devices()
                .getUserMedia(MediaStreamConstraints.builder().audio(audio.build()).build())
                .thenApply(stream -> meter(stream, listener, closed));
        metering.exceptionally(failure -> {
            LOG.warn("no level for microphone {}: {}", microphoneId, failure.toString());
            return null;
        });
        return () -> {
            closed.set(true);
            metering.thenAccept(stop -> Handles.closeQuietly(stop, "a level meter"));
        };
    }

    private AutoCloseable meter(MediaStream stream, LevelListener listener, AtomicBoolean closed) {
        MediaStreamTrack track = stream.getAudioTracks().get(0);
        AudioLevelMeter meter = AudioLevelMeter.attach(track);
        ScheduledFuture<?> readings = clock.scheduleAtFixedRate(() -> {
            listener.onLevel(meterLevel(meter.peakDbfs()));
            listener.onSpeaking(meter.voiceActivity() == AudioFrame.VoiceActivity.ACTIVE);
        }, 0, LEVEL_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        AutoCloseable stop = () -> {
            readings.cancel(false);
            meter.close();
            track.stop();
        };
        if (closed.get()) {   // closed while the microphone was opening
            Handles.closeQuietly(stop, "a level meter");
        }
        return stop;
    }

    /** dBFS to the meter's 0..1: linear in decibels from {@value #METER_FLOOR_DBFS} dBFS; NaN (no frame yet) is 0. */
    static double meterLevel(double dbfs) {
        if (Double.isNaN(dbfs) || dbfs <= METER_FLOOR_DBFS) {
            return 0;
        }
        return Math.min(1, (dbfs - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS);
    }

    @Override
    public void playTestSound(String speakerId) {
        media.devices().openOutput(speakerId.isEmpty() ? null : speakerId)
                .thenCompose(output -> TestSound.play(output, TEST_SOUND_HZ, TEST_SOUND_LENGTH)
                        .whenComplete((done, failure) -> output.close()))
                .exceptionally(failure -> {
                    LOG.warn("speaker test on {} failed: {}", speakerId.isEmpty() ? "the default speaker" : speakerId,
                            failure.toString());
                    return null;
                });
    }
}
