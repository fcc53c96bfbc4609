package dev.parley.media;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoTrackSource;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open webcam-capture camera feeding a video track: a thread of its own reads a picture at
 * each tick of the frame rate, converts it to I420 at the track's size ({@link RgbToI420}; an
 * {@link I420Device} gives it at that size itself) and pushes it. Only that thread touches the {@link Webcam} after opening — a format change is
 * handed to it — so a camera stuck in its driver stalls this thread alone, and
 * {@link MediaDevices}' watch ends the track.
 *
 * <p>A picture that can not be read because the camera closed or vanished (webcam-capture's
 * discovery disposes unplugged cameras), or a driver exception, ends the track.
 */
final class CameraCapture implements DeviceCapture {
    private static final Logger log = LoggerFactory.getLogger(CameraCapture.class);

    private final Webcam webcam;
    private final MediaDeviceInfo device;
    private final VideoTrackSource source = new VideoTrackSource();
    private final MediaStreamTrack track;
    private final Thread thread;
    private final long startedNanos = System.nanoTime();
    private final AtomicReference<FormatChange> pending = new AtomicReference<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile CameraFormat format;
    private volatile boolean running = true;
    private volatile long lastFrameNanos;

    /** A format change waiting for the capture thread, and who waits for it. */
    private record FormatChange(CameraFormat format, CompletableFuture<Void> done) {}

    /**
     * Opens {@code webcam} at {@code format} (blocking, on the caller's thread) and starts capturing.
     *
     * @throws MediaDeviceException {@code NotReadableError} if the camera is in use or will not open
     */
    CameraCapture(Webcam webcam, MediaDeviceInfo device, CameraFormat format) {
        this.webcam = webcam;
        this.device = device;
        this.format = format;
        if (webcam.isOpen()) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " is in use");
        }
        if (webcam.getDevice() instanceof SyntheticCameraDevice) {
            // webcam-capture locks a camera across processes by a file named after it in the temp
            // folder; the synthetic camera draws its pictures in each process, so there is nothing
            // to share, and the lock would only stop a second Parley process (two apps in a test,
            // a test beside a running app) from having its own.
            webcam.getLock().disable();
        }
        try {
            webcam.setViewSize(new Dimension(format.deviceWidth(), format.deviceHeight()));
            if (!webcam.open()) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " did not open");
            }
        } catch (RuntimeException e) {
            if (e instanceof MediaDeviceException known) {
                throw known;
            }
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " did not open: " + e, e);
        }
        this.track = source.createTrack(device.label());
        this.thread = new Thread(this::run, "parley-camera-" + device.label());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public MediaDeviceInfo device() {
        return device;
    }

    @Override
    public MediaStreamTrack track() {
        return track;
    }

    @Override
    public MediaTrackSettings settings() {
        CameraFormat now = format;
        return MediaTrackSettings.video(device, now.width(), now.height(), now.frameRate());
    }

    /** Hands the new format to the capture thread and waits (bounded by the caller) until it runs. */
    @Override
    public void applyConstraints(MediaTrackConstraints wanted) {
        CameraFormat next = CameraFormat.choose(webcam.getViewSizes(), wanted);
        if (!running) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " has stopped");
        }
        FormatChange change = new FormatChange(next, new CompletableFuture<>());
        FormatChange replaced = pending.getAndSet(change);
        if (replaced != null) {
            replaced.done().completeExceptionally(new MediaDeviceException(MediaDeviceException.ABORT,
                    "replaced by a newer applyConstraints"));
        }
        LockSupport.unpark(thread);
        change.done().join();
    }

    @Override
    public int liveTrackCount() {
        return source.liveTrackCount();
    }

    @Override
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public long startedNanos() {
        return startedNanos;
    }

    /** Whether it still captures (not stopped, failed or closed). */
    boolean running() {
        return running;
    }

    /** Waits until the capture thread has closed the camera; false if it did not within {@code timeout}. */
    boolean awaitReleased(Duration timeout) {
        try {
            return released.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void fail(String reason) {
        if (running) {
            log.warn("{} failed: {}; its tracks end", device.label(), reason);
        }
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Does not wait: the capture thread releases the camera when it sees this (it may be stuck in a driver). */
    private void stop() {
        running = false;
        LockSupport.unpark(thread);
        source.close();
        FormatChange waiting = pending.getAndSet(null);
        if (waiting != null) {
            waiting.done().completeExceptionally(new MediaDeviceException(MediaDeviceException.ABORT,
                    device.label() + " stopped"));
        }
    }

    private void run() {
        try {
            capture();
        } catch (RuntimeException | LinkageError e) {
            fail("the driver failed: " + e);
        } finally {
            try {
                webcam.close();
            } catch (RuntimeException e) {
                log.debug("closing {} failed", device.label(), e);
            }
            released.countDown();
        }
    }

    private void capture() {
        RgbToI420 converter = converter(format);
        byte[] rgb = new byte[converter.sourceBytes()];
        ByteBuffer buffer = ByteBuffer.wrap(rgb);
        boolean bufferAccess = webcam.getDevice() instanceof WebcamDevice.BufferAccess;
        I420Device i420 = webcam.getDevice() instanceof I420Device device ? device : null;
        FrameClock clock = new FrameClock(format.frameRate());
        while (running) {
            FormatChange change = pending.getAndSet(null);
            if (change != null) {
                reopen(change);
                converter = converter(format);
                rgb = new byte[converter.sourceBytes()];
                buffer = ByteBuffer.wrap(rgb);
                clock.restart(format.frameRate());
            }
            long wait = clock.untilNext();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            if (i420 != null) {
                VideoFrame frame = i420.readI420(format.width(), format.height());
                if (frame == null) {
                    fail("the camera closed or was unplugged");
                    return;
                }
                if (!running) {
                    return;
                }
                source.push(frame);
                lastFrameNanos = System.nanoTime();
                continue;
            }
            if (!read(bufferAccess, buffer, rgb, converter)) {
                if (!webcam.isOpen()) {
                    fail("the camera closed or was unplugged");
                    return;
                }
                continue;
            }
            long captured = System.nanoTime();
            VideoFrame frame = converter.convert(rgb, captured);
            if (!running) {
                return;
            }
            source.push(frame);
            lastFrameNanos = captured;
        }
    }

    /** Reads one RGB picture into {@code rgb}; false when the camera gave none. */
    private boolean read(boolean bufferAccess, ByteBuffer buffer, byte[] rgb, RgbToI420 converter) {
        if (bufferAccess) {
            buffer.clear();
            webcam.getImageBytes(buffer);
            return buffer.position() >= converter.sourceBytes();
        }
        BufferedImage image = webcam.getImage();
        if (image == null || image.getWidth() != converter.sourceWidth() || image.getHeight() != converter.sourceHeight()) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0, out = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                rgb[out++] = (byte) (argb >> 16);
                rgb[out++] = (byte) (argb >> 8);
                rgb[out++] = (byte) argb;
            }
        }
        return true;
    }

    /** On the capture thread: reopens the camera at a new device size if needed, then switches format. */
    private void reopen(FormatChange change) {
        CameraFormat next = change.format();
        CameraFormat now = format;
        try {
            if (next.deviceWidth() != now.deviceWidth() || next.deviceHeight() != now.deviceHeight()) {
                webcam.close();
                webcam.setViewSize(new Dimension(next.deviceWidth(), next.deviceHeight()));
                if (!webcam.open()) {
                    throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " did not reopen");
                }
            }
            format = next;
            change.done().complete(null);
        } catch (RuntimeException e) {
            change.done().completeExceptionally(e);
            throw e;
        }
    }

    private static RgbToI420 converter(CameraFormat format) {
        return new RgbToI420(format.deviceWidth(), format.deviceHeight(), format.width(), format.height());
    }
}
