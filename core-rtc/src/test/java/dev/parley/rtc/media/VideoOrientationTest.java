package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VideoOrientationTest {
    @Test
    void quarterTurnsRoundTrip_andCameraAndFlipBitsAreIgnored() {
        for (int degrees : new int[] {0, 90, 180, 270}) {
            assertEquals(degrees, VideoOrientation.rotationOf(VideoOrientation.encode(degrees)));
        }
        assertEquals(1, VideoOrientation.encode(90));
        assertEquals(270, VideoOrientation.rotationOf((byte) 0b0000_1111), "C and F set: still 270");
        assertEquals(0, VideoOrientation.rotationOf((byte) 0xF0), "upper bits reserved");
        assertThrows(IllegalArgumentException.class, () -> VideoOrientation.encode(45));
        assertThrows(IllegalArgumentException.class, () -> VideoOrientation.encode(360));
    }
}
