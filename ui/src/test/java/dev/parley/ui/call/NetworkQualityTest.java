package dev.parley.ui.call;

import static dev.parley.ui.call.NetworkQuality.FAIR;
import static dev.parley.ui.call.NetworkQuality.GOOD;
import static dev.parley.ui.call.NetworkQuality.POOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.ui.port.CallStats;
import org.junit.jupiter.api.Test;

/** Each threshold on both sides of its edge, the others held at GOOD. */
class NetworkQualityTest {

    private static NetworkQuality video(double rtt, double loss, double kbps) {
        return NetworkQuality.of(new CallStats(rtt, loss, kbps, true));
    }

    @Test
    void roundTripTimeEdges() {
        assertEquals(GOOD, video(150, 0, 1000));
        assertEquals(FAIR, video(150.1, 0, 1000));
        assertEquals(FAIR, video(400, 0, 1000));
        assertEquals(POOR, video(400.1, 0, 1000));
    }

    @Test
    void lossEdges() {
        assertEquals(GOOD, video(20, 0.02, 1000));
        assertEquals(FAIR, video(20, 0.0201, 1000));
        assertEquals(FAIR, video(20, 0.10, 1000));
        assertEquals(POOR, video(20, 0.1001, 1000));
    }

    @Test
    void videoBitrateEdges() {
        assertEquals(GOOD, video(20, 0, 500));
        assertEquals(FAIR, video(20, 0, 499.9));
        assertEquals(FAIR, video(20, 0, 150));
        assertEquals(POOR, video(20, 0, 149.9));
    }

    @Test
    void audioOnlyNeedsFarLessBitrate() {
        assertEquals(GOOD, NetworkQuality.of(new CallStats(20, 0, 24, false)));
        assertEquals(FAIR, NetworkQuality.of(new CallStats(20, 0, 23.9, false)));
        assertEquals(FAIR, NetworkQuality.of(new CallStats(20, 0, 12, false)));
        assertEquals(POOR, NetworkQuality.of(new CallStats(20, 0, 11.9, false)));
    }

    @Test
    void theWorstMeasureDecides() {
        assertEquals(POOR, video(20, 0.5, 2000));
        assertEquals(FAIR, video(200, 0, 2000));
    }

    @Test
    void impossibleSamplesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CallStats(-1, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new CallStats(0, 1.5, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new CallStats(Double.NaN, 0, 0, true));
    }
}
