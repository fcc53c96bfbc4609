package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameRateMeterTest {
    @Test
    void countsTheFramesOfTheLastSecond() {
        FrameRateMeter meter = new FrameRateMeter();
        for (int i = 0; i < 90; i++) {
            meter.add(i * 33_400_000L); // 3 s at ~30 fps
        }
        long end = 89 * 33_400_000L;
        assertEquals(30, meter.framesPerSecond(end));
        assertEquals(15, meter.framesPerSecond(end + 500_000_000L), "half a second later half have aged out");
        assertEquals(0, meter.framesPerSecond(end + 2_000_000_000L), "a stopped stream reads 0");
    }
}
