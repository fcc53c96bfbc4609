package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.List;

/**
 * A webcam-capture driver with one always-present device: the {@link SyntheticCameraDevice}
 * ("Parley synthetic camera"), for tests, demos and machines with no camera.
 */
public final class SyntheticCameraDriver implements WebcamDriver {
    private final SyntheticCameraDevice device = new SyntheticCameraDevice();

    @Override
    public List<WebcamDevice> getDevices() {
        return List.of(device);
    }

    /** Each device guards itself; webcam-capture need not serialise calls for this driver. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "synthetic camera driver";
    }
}
