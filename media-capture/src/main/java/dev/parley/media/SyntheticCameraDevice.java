package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/**
 * A webcam-capture device that films core-rtc's moving {@link TestPattern}: each picture read is
 * the next frame of the pattern, stamped with its number and the {@link System#nanoTime()} it was
 * drawn at, so whoever receives it can check order and measure latency ({@link TestPattern#read}).
 * Delivered as RGB through {@link BufferAccess}, as a real camera driver would.
 *
 * <p>webcam-capture calls it from one thread at a time (its processor or a capture thread);
 * the open flag and size are volatile so a listing thread sees them.
 */
final class SyntheticCameraDevice implements WebcamDevice, WebcamDevice.BufferAccess, WebcamDevice.FPSSource {
    static final String NAME = "Parley synthetic camera";
    static final Dimension[] RESOLUTIONS = {
        new Dimension(320, 240), new Dimension(640, 360), new Dimension(640, 480),
        new Dimension(1280, 720), new Dimension(1920, 1080)
    };

    private volatile Dimension resolution = new Dimension(640, 480);
    private volatile boolean open;
    private TestPattern pattern;
    private byte[] rgb;
    /** Reuses its plane copies; draw() runs under this object's lock. */
    private final I420ToRgb converter = new I420ToRgb();
    private long lastFrameNanos;
    private volatile double fps;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Dimension[] getResolutions() {
        return RESOLUTIONS.clone();
    }

    @Override
    public Dimension getResolution() {
        return resolution;
    }

    @Override
    public void setResolution(Dimension size) {
        resolution = new Dimension(size);
    }

    @Override
    public synchronized void open() {
        Dimension size = resolution;
        pattern = new TestPattern(size.width, size.height);
        rgb = new byte[size.width * size.height * 3];
        open = true;
    }

    @Override
    public synchronized void close() {
        open = false;
        pattern = null;
        rgb = null;
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
        draw();
        return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
    }

    @Override
    public synchronized void getImageBytes(ByteBuffer target) {
        if (!open) {
            return;
        }
        draw();
        target.put(rgb);
    }

    @Override
    public synchronized BufferedImage getImage() {
        if (!open) {
            return null;
        }
        draw();
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

    @Override
    public double getFPS() {
        return fps;
    }

    private void draw() {
        long now = System.nanoTime();
        VideoFrame frame = pattern.nextFrame(now);
        converter.convertInto(frame, rgb);
        if (lastFrameNanos != 0) {
            double instant = 1e9 / Math.max(1, now - lastFrameNanos);
            fps = fps == 0 ? instant : 0.9 * fps + 0.1 * instant;
        }
        lastFrameNanos = now;
    }
}
