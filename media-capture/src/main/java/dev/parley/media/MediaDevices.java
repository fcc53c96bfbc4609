package dev.parley.media;

import dev.parley.media.processing.AudioProcessingStats;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web's {@code navigator.mediaDevices} in Java: lists cameras, microphones and speakers,
 * opens them as tracks ({@link #getUserMedia}), captures a screen or window
 * ({@link #getDisplayMedia}), tells of hot-plugging ({@code devicechange}), and
 * answers {@code getSettings()} / {@code applyConstraints()} for the tracks it made (core-rtc's
 * {@link MediaStreamTrack} knows nothing of devices, so those two live here, keyed by track).
 *
 * <p>Devices come from the {@link DeviceProvider}s it is built with, in order: the first device
 * of a kind is the default. No driver can hang the caller: every driver call runs on a thread of
 * this object and is given up after {@link MediaDevicesOptions#callTimeout()}.
 *
 * <p>Tracks from devices: {@code stop()} on every track of a device releases it (within a poll
 * of 100 ms); {@code enabled = false} gives black frames or silence (core-rtc); a device that
 * fails, stalls or disappears ends its tracks with {@code ended}.
 *
 * <p>Echo: the speakers it opens ({@link #openOutput}) publish what they play to one
 * {@link EchoReference} of this object, and its microphones' audio processing cancels that
 * from what they capture. Two {@code MediaDevices} do not hear each other's speakers.
 *
 * <p>Thread-safe. Close it to stop watching and release every camera and microphone it opened
 * (speakers from {@link #openOutput} belong to whoever opened them). The composition
 * root wires it, for instance:
 *
 * <pre>{@code
 * CameraDrivers cameras = new CameraDrivers(CameraDrivers.standard(true));
 * MediaDevices devices = new MediaDevices(List.of(
 *         new WebcamProvider(cameras, Duration.ofSeconds(4)),
 *         new JavaSoundProvider(),
 *         new SyntheticAudioProvider(440, List.of())), MediaDevicesOptions.DEFAULTS);
 * MediaStream stream = devices.getUserMedia(MediaStreamConstraints.builder().audio().video().build()).join();
 * }</pre>
 */
public final class MediaDevices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaDevices.class);

    private final List<DeviceProvider> providers;
    private final BoundedCalls calls;
    private final DeviceWatch watch;
    private final Map<MediaStreamTrack, DeviceCapture> captures = new ConcurrentHashMap<>();
    private final EchoReference echo = new EchoReference();

    /**
     * @param providers where devices come from; earlier providers' devices are the defaults
     */
    public MediaDevices(List<DeviceProvider> providers, MediaDevicesOptions options) {
        if (providers == null || providers.isEmpty()) {
            throw new IllegalArgumentException("at least one device provider is needed");
        }
        this.providers = List.copyOf(providers);
        this.calls = new BoundedCalls("parley-device-call", options.callTimeout());
        this.watch = new DeviceWatch(this::listByProvider, captures, options);
    }

    /**
     * W3C {@code enumerateDevices()}: every device present, cameras, microphones and speakers. A
     * driver that fails or does not answer in time contributes nothing (logged), so the app
     * starts with no devices at all.
     */
    public CompletableFuture<List<MediaDeviceInfo>> enumerateDevices() {
        return listByProvider().thenApply(DeviceWatch::flatten);
    }

    /**
     * W3C {@code getUserMedia()}: opens the camera and/or microphone the constraints pick and
     * completes with a stream of their tracks. Fails with a {@link MediaDeviceException}:
     * {@code TypeError} (neither audio nor video asked for), {@code NotFoundError} (no device of a
     * kind), {@code OverconstrainedError} (with the constraint's name), {@code NotReadableError}
     * (the device would not open), {@code AbortError} (it did not answer in time). When one of
     * two devices fails, the other is released.
     */
    public CompletableFuture<MediaStream> getUserMedia(MediaStreamConstraints constraints) {
        if (constraints.audio().isEmpty() && constraints.video().isEmpty()) {
            return CompletableFuture.failedFuture(new MediaDeviceException(MediaDeviceException.TYPE,
                    "getUserMedia needs audio or video (or both)"));
        }
        return listByProvider().thenCompose(listed -> {
            List<CompletableFuture<DeviceCapture>> opening = new ArrayList<>();
            constraints.audio().ifPresent(c -> opening.add(open(listed, MediaDeviceKind.AUDIO_INPUT, c)));
            constraints.video().ifPresent(c -> opening.add(open(listed, MediaDeviceKind.VIDEO_INPUT, c)));
            return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                    .handle((ignored, failure) -> {
                        if (failure != null) {
                            opening.stream().filter(f -> !f.isCompletedExceptionally())
                                    .forEach(f -> f.join().close());
                            throw new CompletionException(BoundedCalls.unwrap(failure));
                        }
                        MediaStream stream = new MediaStream();
                        for (CompletableFuture<DeviceCapture> opened : opening) {
                            DeviceCapture capture = opened.join();
                            captures.put(capture.track(), capture);
                            stream.addTrack(capture.track());
                        }
                        return stream;
                    });
        });
    }

    /**
     * W3C {@code getDisplayMedia()} (Screen Capture): a stream with one video track showing a
     * whole screen or one window, as {@code options} choose — a Java application shows its own
     * picker, so the choice comes in rather than from a browser's dialog. Captured through FFmpeg's
     * grabber of this platform ({@link ScreenSource}: x11grab on Linux; gdigrab and avfoundation
     * written but untested), converted to I420 at the asked size.
     *
     * <p>Fails with a {@link MediaDeviceException}: {@code TypeError} (a window without an id,
     * or {@code exact}/{@code min} constraints, which the spec reserves for applyConstraints),
     * {@code NotFoundError} (no display, no such window), {@code OverconstrainedError}
     * (a {@code max} no source can meet), {@code NotReadableError} (the grabber would not open),
     * {@code AbortError} (no answer within the call timeout). The track ends when its display or
     * window goes away; {@code getSettings()} reports {@code displaySurface}, size and frame rate,
     * and {@code applyConstraints()} changes size (up to the source's) and rate in place.
     */
    public CompletableFuture<MediaStream> getDisplayMedia(DisplayMediaStreamOptions options) {
        ScreenSource source;
        try {
            source = ScreenSource.forThisPlatform(options);
        } catch (MediaDeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
        log.debug("capturing {} for {}", source.device().label(), options);
        return calls.call("opening " + source.device().label(), () -> ScreenCapture.open(source, options.video()))
                .thenApply(capture -> {
                    captures.put(capture.track(), capture);
                    MediaStream stream = new MediaStream();
                    stream.addTrack(capture.track());
                    return stream;
                });
    }

    /**
     * W3C {@code MediaStreamTrack.getSettings()} for a track this object made; empty for other
     * tracks (remote ones, clones) and for tracks whose device was released.
     */
    public Optional<MediaTrackSettings> getSettings(MediaStreamTrack track) {
        return Optional.ofNullable(captures.get(track)).map(DeviceCapture::settings);
    }

    /**
     * For a microphone track this object made: the delay between playout and capture that the
     * speaker's and the microphone's buffers add, as measured on its last processed frame (for
     * stats and logs; the echo canceller gets it with every frame). Empty for other tracks, and
     * until a speaker plays.
     */
    public Optional<EchoPathDelay> echoPathDelay(MediaStreamTrack track) {
        return Optional.ofNullable(captures.get(track)).flatMap(DeviceCapture::echoPathDelay);
    }

    /**
     * For a microphone track this object made: its audio processing's current figures (echo
     * delay estimate, realignments, far-clock corrections; for stats and logs). Empty for other
     * tracks and before the first processed frame.
     */
    public Optional<AudioProcessingStats> audioProcessingStats(MediaStreamTrack track) {
        return Optional.ofNullable(captures.get(track)).flatMap(DeviceCapture::audioProcessingStats);
    }

    /** Where this object's speakers publish what they play (for tests). */
    EchoReference echoReference() {
        return echo;
    }

    /**
     * W3C {@code MediaStreamTrack.applyConstraints()} for a track this object made: changes the
     * device's format (size, frame rate) in place, and a microphone's processing stages
     * ({@code echoCancellation}, {@code noiseSuppression}, {@code autoGainControl}) from its next
     * frame on. Fails with {@code OverconstrainedError} (and
     * changes nothing) when a required constraint can not be met; a deviceId constraint naming
     * another device is refused the same way, as switching devices means a new getUserMedia.
     */
    public CompletableFuture<Void> applyConstraints(MediaStreamTrack track, MediaTrackConstraints constraints) {
        DeviceCapture capture = captures.get(track);
        if (capture == null) {
            return CompletableFuture.failedFuture(new MediaDeviceException(MediaDeviceException.NOT_FOUND,
                    "track " + track.id() + " is not (or no longer) fed by a device of this MediaDevices"));
        }
        ConstrainString wantedDevice = constraints.deviceId();
        if (wantedDevice != null && wantedDevice.exact() != null
                && !wantedDevice.exact().equals(capture.device().deviceId())) {
            return CompletableFuture.failedFuture(MediaDeviceException.overconstrained("deviceId",
                    "a track can not move to another device; call getUserMedia for it"));
        }
        return calls.call("applyConstraints on " + capture.device().label(), () -> {
            capture.applyConstraints(constraints);
            return null;
        });
    }

    /**
     * Opens a speaker to play tracks on (the web's {@code setSinkId} on a media element);
     * {@code deviceId} null picks the default speaker.
     */
    public CompletableFuture<AudioOutput> openOutput(String deviceId) {
        return listByProvider().thenCompose(listed -> {
            for (ProvidedDevice candidate : DeviceWatch.provided(listed)) {
                MediaDeviceInfo info = candidate.info();
                if (info.kind() == MediaDeviceKind.AUDIO_OUTPUT
                        && (deviceId == null || deviceId.equals(info.deviceId()))) {
                    return calls.call("opening " + info.label(), () -> candidate.provider().openOutput(info, echo));
                }
            }
            return CompletableFuture.failedFuture(new MediaDeviceException(MediaDeviceException.NOT_FOUND,
                    deviceId == null ? "no speaker present" : "no speaker with id " + deviceId));
        });
    }

    /** Device listings the watch has done (for tests: {@code devicechange} compares with the last one). */
    long deviceListings() {
        return watch.listings();
    }

    /** Registers {@code listener} for {@code devicechange}; closing the result unregisters it. */
    public AutoCloseable addListener(MediaDevicesListener listener) {
        return watch.addListener(listener);
    }

    /** Stops watching devices and releases every camera and microphone this object opened; their tracks end. */
    @Override
    public void close() {
        watch.close();
        captures.values().forEach(DeviceCapture::close);
        captures.clear();
        calls.close();
    }

    private CompletableFuture<DeviceCapture> open(List<ProviderDevices> listed, MediaDeviceKind kind,
            MediaTrackConstraints constraints) {
        ProvidedDevice chosen;
        try {
            chosen = DeviceChoice.choose(DeviceWatch.provided(listed), kind, constraints);
        } catch (MediaDeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
        MediaDeviceInfo info = chosen.info();
        log.debug("opening {} {} for {}", kind, info.label(), constraints);
        return calls.call("opening " + info.label(), () -> chosen.provider().open(info, constraints, echo));
    }

    /** Asks every provider, in parallel and bounded; one that fails gives an empty answer. */
    private CompletableFuture<List<ProviderDevices>> listByProvider() {
        List<CompletableFuture<ProviderDevices>> answers = new ArrayList<>();
        for (DeviceProvider provider : providers) {
            answers.add(calls.call("listing " + provider, provider::devices)
                    .handle((devices, failure) -> {
                        if (failure != null) {
                            log.warn("{} did not list its devices: {}", provider, BoundedCalls.unwrap(failure).toString());
                            return new ProviderDevices(provider, null);
                        }
                        return new ProviderDevices(provider, List.copyOf(devices));
                    }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> answers.stream().map(CompletableFuture::join).toList());
    }

    /** A provider's answer: its devices, or null when it failed to answer. */
    record ProviderDevices(DeviceProvider provider, List<MediaDeviceInfo> devices) {}

    /** One device and who provides it. */
    record ProvidedDevice(MediaDeviceInfo info, DeviceProvider provider) {}
}
