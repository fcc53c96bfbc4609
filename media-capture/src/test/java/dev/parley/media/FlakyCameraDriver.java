package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A webcam-capture driver for unit tests of the capture code: one camera ("Flaky camera") that
 * films like the synthetic one until the test breaks it, after which every read throws, as a
 * camera pulled out mid-stream makes its driver do.
 */
final class FlakyCameraDriver implements WebcamDriver {
    static final String NAME = "Flaky camera";
    final FlakyDevice device = new FlakyDevice();

    @Override
    public List<WebcamDevice> getDevices() {
        return List.of(device);
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    static final class FlakyDevice implements WebcamDevice, WebcamDevice.BufferAccess {
        private final SyntheticCameraDevice camera = new SyntheticCameraDevice();
        volatile boolean broken;

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public Dimension[] getResolutions() {
            return camera.getResolutions();
        }

        @Override
        public Dimension getResolution() {
            return camera.getResolution();
        }

        @Override
        public void setResolution(Dimension size) {
            camera.setResolution(size);
        }

        @Override
        public BufferedImage getImage() {
            check();
            return camera.getImage();
        }

        @Override
        public ByteBuffer getImageBytes() {
            check();
            return camera.getImageBytes();
        }

        @Override
        public void getImageBytes(ByteBuffer target) {
            check();
            camera.getImageBytes(target);
        }

        @Override
        public void open() {
            camera.open();
        }

        @Override
        public void close() {
            camera.close();
        }

        @Override
        public void dispose() {
            camera.dispose();
        }

        @Override
        public boolean isOpen() {
            return camera.isOpen();
        }

        private void check() {
            if (broken) {
                throw new IllegalStateException("VIDIOC_DQBUF: No such device");
            }
        }
    }
}
