package dev.parley.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDiscoverySupport;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a webcam-capture driver whose listing may fail — the default driver throws when its
 * native part can not load (on Linux it needs {@code libv4l-0}) — so that a failure means "no
 * cameras from this driver" plus one clear log line, never an exception up through the
 * composite driver (which would hide every other driver's cameras). Hangs are bounded above, by
 * {@link MediaDevices}' call timeout.
 */
final class GuardedWebcamDriver implements WebcamDriver, WebcamDiscoverySupport {
    private static final Logger log = LoggerFactory.getLogger(GuardedWebcamDriver.class);

    private final WebcamDriver driver;
    private final String hint;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param hint what to tell the user when the driver fails ("install libv4l-0")
     */
    GuardedWebcamDriver(WebcamDriver driver, String hint) {
        this.driver = driver;
        this.hint = hint;
    }

    @Override
    public List<WebcamDevice> getDevices() {
        try {
            List<WebcamDevice> devices = driver.getDevices();
            warned.set(false);
            return devices == null ? List.of() : devices;
        } catch (Throwable e) { // UnsatisfiedLinkError and friends from native loading are Errors
            if (warned.compareAndSet(false, true)) {
                log.warn("{} can not list cameras ({}); {}", driver.getClass().getName(), e.toString(), hint);
            }
            return List.of();
        }
    }

    @Override
    public boolean isThreadSafe() {
        return driver.isThreadSafe();
    }

    @Override
    public long getScanInterval() {
        return driver instanceof WebcamDiscoverySupport support ? support.getScanInterval() : DEFAULT_SCAN_INTERVAL;
    }

    @Override
    public boolean isScanPossible() {
        return driver instanceof WebcamDiscoverySupport support && support.isScanPossible();
    }

    @Override
    public String toString() {
        return "guarded " + driver;
    }
}
