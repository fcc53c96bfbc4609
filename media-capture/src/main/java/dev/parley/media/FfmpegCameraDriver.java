package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfo;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfoList;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real cameras through FFmpeg's libavdevice — v4l2 on Linux, dshow on Windows, avfoundation on
 * macOS — for the sizes and rates webcam-capture's default driver can not do. Each camera is an
 * {@link FfmpegCameraDevice} reading live: a camera that stops delivering (unplugged) fails its
 * read within the input timeout and its track ends.
 *
 * <p>The input format and the device list are injectable, so tests drive this same code with
 * FFmpeg's {@code lavfi} test sources on machines without cameras. Only Linux's listing
 * ({@code /dev/video*}) runs here, and no real camera has been tried: this machine has none.
 * The Windows and macOS listings are untested.
 */
public final class FfmpegCameraDriver implements WebcamDriver {
    private static final Logger log = LoggerFactory.getLogger(FfmpegCameraDriver.class);
    /** How long opening a camera or waiting for its next picture may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** A camera as FFmpeg names it: {@code url} is what {@code avformat_open_input} takes. */
    public record Source(String label, String url) {}

    private final String inputFormat;
    private final Supplier<List<Source>> lister;
    private final Function<Dimension, Map<String, String>> options;
    private final Duration timeout;
    /** One device per url, kept across listings: webcam-capture tells cameras apart by their device. */
    private final Map<String, FfmpegCameraDevice> devices = new ConcurrentHashMap<>();

    /**
     * @param inputFormat FFmpeg's input format ("v4l2", "lavfi")
     * @param lister the cameras present now, called on every listing
     * @param options FFmpeg options for opening at a size ("video_size")
     */
    public FfmpegCameraDriver(String inputFormat, Supplier<List<Source>> lister,
            Function<Dimension, Map<String, String>> options, Duration timeout) {
        this.inputFormat = inputFormat;
        this.lister = lister;
        this.options = options;
        this.timeout = timeout;
    }

    /** The driver of this operating system; empty where there is none. */
    public static java.util.Optional<FfmpegCameraDriver> forThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Function<Dimension, Map<String, String>> sized = size -> Map.of("video_size", size.width + "x" + size.height,
                "framerate", "30");
        if (os.contains("linux")) {
            return java.util.Optional.of(new FfmpegCameraDriver("v4l2", FfmpegCameraDriver::videoNodes,
                    size -> Map.of("video_size", size.width + "x" + size.height), TIMEOUT));
        }
        if (os.contains("windows")) { // untested: no Windows machine here
            return java.util.Optional.of(new FfmpegCameraDriver("dshow", () -> listedByFfmpeg("dshow", "video="),
                    sized, TIMEOUT));
        }
        if (os.contains("mac")) { // untested: no macOS machine here; avfoundation may list nothing through this API
            return java.util.Optional.of(new FfmpegCameraDriver("avfoundation",
                    () -> listedByFfmpeg("avfoundation", ""), sized, TIMEOUT));
        }
        return java.util.Optional.empty();
    }

    @Override
    public List<WebcamDevice> getDevices() {
        List<WebcamDevice> present = new ArrayList<>();
        for (Source source : lister.get()) {
            present.add(devices.computeIfAbsent(source.url(), url -> new FfmpegCameraDevice(source.label(),
                    new FfmpegCameraDevice.Input(inputFormat, url, options), SyntheticCameraDevice.RESOLUTIONS, false,
                    timeout)));
        }
        return present;
    }

    /** Each device guards itself; webcam-capture need not serialise calls for this driver. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "FFmpeg " + inputFormat + " camera driver";
    }

    /** Linux: every {@code /dev/video*} node (some are metadata nodes; those fail to open with NotReadableError). */
    static List<Source> videoNodes() {
        try (Stream<Path> nodes = Files.list(Path.of("/dev"))) {
            return nodes.filter(p -> p.getFileName().toString().matches("video\\d+")).sorted()
                    .map(p -> new Source("Camera " + p, p.toString())).toList();
        } catch (IOException e) {
            log.debug("can not list /dev", e);
            return List.of();
        }
    }

    /** FFmpeg's own listing of an input device's sources ({@code avdevice_list_input_sources}). */
    private static List<Source> listedByFfmpeg(String inputFormat, String urlPrefix) {
        FfmpegInputNatives.require(inputFormat + " cameras");
        AVInputFormat format = avformat.av_find_input_format(inputFormat);
        if (format == null || format.isNull()) {
            return List.of();
        }
        AVDeviceInfoList list = new AVDeviceInfoList(null);
        int count = avdevice.avdevice_list_input_sources(format, (String) null, null, list);
        List<Source> sources = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                AVDeviceInfo info = list.devices(i);
                String name = info.device_name().getString();
                String description = info.device_description() == null ? name
                        : info.device_description().getString();
                sources.add(new Source(description, urlPrefix + name));
            }
        } finally {
            if (count >= 0) {
                avdevice.avdevice_free_list_devices(list);
            }
        }
        return sources;
    }
}
