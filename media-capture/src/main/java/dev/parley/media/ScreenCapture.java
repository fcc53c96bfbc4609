package dev.parley.media;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoTrackSource;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen or window feeding a video track ({@link MediaDevices#getDisplayMedia}): FFmpeg's
 * grabber ({@link ScreenSource}) read through an {@link FfmpegVideoInput} on a thread of its
 * own, a grab per tick of the track's frame rate ({@link FrameClock}), each converted by swscale
 * to I420 at the track's size and pushed.
 *
 * <p>A display that goes away (the X server ends, the window closes) fails the next grab, and
 * the track ends. A grab stuck in the windowing system (a server that stopped answering, which
 * FFmpeg's interrupt callback can not reach) stalls this thread alone: {@link MediaDevices}'
 * watch ends the track after its stall timeout, and the thread closes the grabber if it ever
 * returns.
 */
final class ScreenCapture implements DeviceCapture {
    private static final Logger log = LoggerFactory.getLogger(ScreenCapture.class);
    /** How long opening the grabber may block in FFmpeg's own I/O. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final double MAX_FRAME_RATE = 60;
    static final double DEFAULT_FRAME_RATE = 30;

    /** What the track delivers. */
    record Format(int width, int height, double frameRate) {}

    private final ScreenSource source;
    private final FfmpegVideoInput input;
    private final VideoTrackSource frames = new VideoTrackSource();
    private final MediaStreamTrack track;
    private final Thread thread;
    private final long startedNanos = System.nanoTime();
    private volatile Format format;
    private volatile boolean running = true;
    private volatile long lastFrameNanos;

    private ScreenCapture(ScreenSource source, FfmpegVideoInput input, Format format) {
        this.source = source;
        this.input = input;
        this.format = format;
        this.track = frames.createTrack(source.device().label());
        this.thread = new Thread(this::run, "parley-screen-" + source.device().label());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens the grabber (blocking, on the caller's thread) and starts capturing.
     *
     * @param video getDisplayMedia's constraints: ideal and max only, as in the W3C spec
     * @throws MediaDeviceException {@code TypeError} (exact, min or deviceId asked for),
     *     {@code OverconstrainedError} (a max below what any source can do), {@code NotFoundError}
     *     (no such display or window), {@code NotReadableError} (the grabber would not open),
     *     {@code AbortError} (it did not answer in time)
     */
    static ScreenCapture open(ScreenSource source, MediaTrackConstraints video) {
        requireOnlyIdealAndMax(video);
        FfmpegVideoInput input;
        try {
            input = new FfmpegVideoInput(source.inputFormat(), source.url(), source.options(), TIMEOUT);
        } catch (MediaDeviceException e) {
            throw source.openFailure().apply(e);
        }
        try {
            return new ScreenCapture(source, input, choose(input.nativeWidth(), input.nativeHeight(), video));
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * The format for {@code constraints} on a source of {@code nativeWidth}x{@code nativeHeight}:
     * its own size unless asked (never larger; one dimension asked scales the other with it), and
     * 30 fps unless asked (1 to 60).
     */
    static Format choose(int nativeWidth, int nativeHeight, MediaTrackConstraints constraints) {
        ConstrainNumber askedWidth = constraints.width();
        ConstrainNumber askedHeight = constraints.height();
        int width = (int) Math.round(ConstrainNumber.resolve(askedWidth, "width", 1, nativeWidth, nativeWidth));
        double heightFallback = askedWidth != null && askedHeight == null
                ? width * (double) nativeHeight / nativeWidth : nativeHeight;
        int height = (int) Math.round(ConstrainNumber.resolve(askedHeight, "height", 1, nativeHeight, heightFallback));
        if (askedHeight != null && askedWidth == null) {
            width = (int) Math.round(Math.min(nativeWidth, height * (double) nativeWidth / nativeHeight));
        }
        double frameRate = ConstrainNumber.resolve(constraints.frameRate(), "frameRate", 1, MAX_FRAME_RATE,
                DEFAULT_FRAME_RATE);
        return new Format(Math.max(1, width), Math.max(1, height), frameRate);
    }

    /** W3C Screen Capture §5.1: getDisplayMedia rejects {@code min}, {@code exact} (and a device choice) with TypeError. */
    private static void requireOnlyIdealAndMax(MediaTrackConstraints video) {
        if (video.deviceId() != null) {
            throw new MediaDeviceException(MediaDeviceException.TYPE, "getDisplayMedia takes no deviceId;"
                    + " the source is chosen in DisplayMediaStreamOptions");
        }
        String[] names = {"width", "height", "frameRate"};
        ConstrainNumber[] values = {video.width(), video.height(), video.frameRate()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && (values[i].exact() != null || values[i].min() != null)) {
                throw new MediaDeviceException(MediaDeviceException.TYPE, "getDisplayMedia allows only ideal and max"
                        + " for " + names[i] + " (W3C Screen Capture); use applyConstraints on the track for more");
            }
        }
    }

    @Override
    public MediaDeviceInfo device() {
        return source.device();
    }

    @Override
    public MediaStreamTrack track() {
        return track;
    }

    @Override
    public MediaTrackSettings settings() {
        Format now = format;
        return MediaTrackSettings.display(source.device(), source.surface(), now.width(), now.height(), now.frameRate());
    }

    /** Size and rate change at the next grab (swscale scales to any size; the clock sets the rate). */
    @Override
    public void applyConstraints(MediaTrackConstraints constraints) {
        Format next = choose(input.nativeWidth(), input.nativeHeight(), constraints);
        if (!running) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, source.device().label() + " has ended");
        }
        format = next;
        LockSupport.unpark(thread);
    }

    @Override
    public int liveTrackCount() {
        return frames.liveTrackCount();
    }

    @Override
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public long startedNanos() {
        return startedNanos;
    }

    /** A screen is never among the listed devices; its own grab tells when it is gone. */
    @Override
    public boolean enumerated() {
        return false;
    }

    @Override
    public void fail(String reason) {
        if (running) {
            log.warn("{} failed: {}; its track ends", source.device().label(), reason);
        }
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Does not wait: the capture thread closes the grabber when it sees this (it may be inside a grab). */
    private void stop() {
        running = false;
        LockSupport.unpark(thread);
        frames.close();
    }

    private void run() {
        try {
            capture();
        } catch (RuntimeException | LinkageError e) {
            fail("the grab failed: " + e);
        } finally {
            input.close();
        }
    }

    private void capture() {
        Format now = format;
        FrameClock clock = new FrameClock(now.frameRate());
        while (running) {
            Format wanted = format;
            if (wanted.frameRate() != now.frameRate()) {
                clock.restart(wanted.frameRate());
            }
            now = wanted;
            long wait = clock.untilNext();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            long grabbed = System.nanoTime();
            VideoFrame frame = input.read(now.width(), now.height(), grabbed);
            if (frame == null) {
                fail("the display stopped delivering pictures");
                return;
            }
            if (!running) {
                return;
            }
            frames.push(frame);
            lastFrameNanos = System.nanoTime();
        }
    }
}
