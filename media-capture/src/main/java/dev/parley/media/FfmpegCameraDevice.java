package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import dev.parley.rtc.VideoFrame;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A webcam-capture device over an {@link FfmpegVideoInput}: a camera through libavdevice, a
 * lavfi source, or a video file. Pictures come out as RGB through {@link BufferAccess} at the
 * chosen resolution (swscale scales the input to it), as from any webcam-capture driver, and
 * as I420 at any size through {@link I420Device} for {@link CameraCapture}, which so skips an
 * RGB round trip that costs more than the decoding (24 of 28 ms a 1280x720 picture, measured).
 *
 * <p>Two ways to read: a <em>live</em> input (a camera) gives its next picture on each read,
 * waiting for it as long as the input's timeout, and its end or a read error is the device
 * failing — webcam-capture's caller ends the track. A <em>looped</em> input (a file) plays at its
 * own frame rate however often it is read (a read between two of its pictures repeats the last,
 * stamped with the read's time; a late one skips), and starts over at its end, like Chromium's
 * {@code --use-file-for-fake-video-capture}.
 *
 * <p>webcam-capture calls it from one thread at a time; open flag and size are volatile for
 * listing threads.
 */
final class FfmpegCameraDevice implements WebcamDevice, WebcamDevice.BufferAccess, WebcamDevice.FPSSource, I420Device {
    /** Where the pictures come from, for a given size. */
    record Input(String inputFormat, String url, Function<Dimension, Map<String, String>> options) {}

    /** The most a looped input catches up in one read before it skips ahead instead. */
    private static final int MAX_CATCH_UP_FRAMES = 15;

    private final String name;
    private final Input input;
    private final Dimension[] resolutions;
    private final boolean looped;
    private final Duration timeout;
    private volatile Dimension resolution;
    private volatile boolean open;
    private volatile double fps;
    private volatile FfmpegVideoInput video;
    private VideoFrame current;
    private long picturesRead;
    private long startedNanos;
    private byte[] rgb;

    FfmpegCameraDevice(String name, Input input, Dimension[] resolutions, boolean looped, Duration timeout) {
        this.name = name;
        this.input = input;
        this.resolutions = resolutions.clone();
        this.looped = looped;
        this.timeout = timeout;
        this.resolution = new Dimension(resolutions[0]);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Dimension[] getResolutions() {
        return resolutions.clone();
    }

    @Override
    public Dimension getResolution() {
        return resolution;
    }

    @Override
    public void setResolution(Dimension size) {
        resolution = new Dimension(size);
    }

    /** @throws MediaDeviceException {@code NotFoundError}, {@code NotReadableError} or {@code AbortError} */
    @Override
    public synchronized void open() {
        if (open) {
            return;
        }
        Dimension size = resolution;
        video = new FfmpegVideoInput(input.inputFormat(), input.url(), input.options().apply(size), timeout);
        fps = video.nativeFrameRate();
        rgb = new byte[size.width * size.height * 3];
        current = null;
        picturesRead = 0;
        startedNanos = System.nanoTime();
        open = true;
    }

    /** Trips the input's interrupt before taking the lock, so a read stuck in the device gives up first. */
    @Override
    public void close() {
        open = false;
        FfmpegVideoInput reading = video;
        if (reading != null) {
            reading.close();
        }
        synchronized (this) {
            video = null;
            current = null;
            rgb = null;
        }
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized ByteBuffer getImageBytes() {
        if (!open) {
            return null;
        }
        I420ToRgb.convert(next(resolution.width, resolution.height, System.nanoTime()), rgb);
        return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
    }

    @Override
    public synchronized void getImageBytes(ByteBuffer target) {
        if (!open) {
            return;
        }
        I420ToRgb.convert(next(resolution.width, resolution.height, System.nanoTime()), rgb);
        target.put(rgb);
    }

    @Override
    public synchronized BufferedImage getImage() {
        if (!open) {
            return null;
        }
        I420ToRgb.convert(next(resolution.width, resolution.height, System.nanoTime()), rgb);
        Dimension size = resolution;
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }

    /** The input's own frame rate. */
    @Override
    public double getFPS() {
        return fps;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public synchronized VideoFrame readI420(int width, int height) {
        return readI420(width, height, System.nanoTime());
    }

    /**
     * {@link #readI420(int, int)} for a reader with a clock of its own (a pacer): a looped input's
     * picture due at {@code captureTimeNanos}, stamped with it.
     */
    synchronized VideoFrame readI420(int width, int height, long captureTimeNanos) {
        return open ? next(width, height, captureTimeNanos) : null;
    }

    private VideoFrame next(int width, int height, long now) {
        if (!looped) {
            VideoFrame frame = video.read(width, height, now);
            if (frame == null) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, name + " ended (unplugged?)");
            }
            return frame;
        }
        long due = 1 + (long) ((now - startedNanos) * fps / 1e9); // pictures that should have been shown by now
        if (due - picturesRead > MAX_CATCH_UP_FRAMES) {
            picturesRead = due - 1; // far behind (a stalled reader): drop the backlog, play on from here
        }
        if (current != null && (current.width() != width || current.height() != height)) {
            current = null; // a new size: the next picture at it (rather than scaling the last one again)
        }
        while (current == null || picturesRead < due) {
            current = readLooping(width, height, now);
            picturesRead++;
        }
        // A picture shown again gets this read's time: two encoded frames with one RTP timestamp
        // would be taken for one by the receiver.
        return current.captureTimeNanos() == now ? current : current.withCaptureTime(now);
    }

    private VideoFrame readLooping(int width, int height, long now) {
        VideoFrame frame = video.read(width, height, now);
        if (frame == null) {
            video.rewind();
            frame = video.read(width, height, now);
            if (frame == null) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, name + " has no pictures");
            }
        }
        return frame;
    }
}
