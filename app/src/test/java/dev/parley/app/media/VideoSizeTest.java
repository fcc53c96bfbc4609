package dev.parley.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VideoSizeTest {

    @Test
    void parsesWidthByHeight() {
        assertEquals(new VideoSize(1280, 720), VideoSize.parse("1280x720"));
        assertEquals(new VideoSize(640, 360), VideoSize.parse(" 640X360 "));
        assertEquals("1280x720", VideoSize.DEFAULT.toString());
    }

    @Test
    void refusesWhatIsNotASize_sayingWhatOneIs() {
        for (String bad : new String[] {"", "640", "640x", "x360", "640x360x2", "axb", "641x360", "8x8", "99999x2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VideoSize.parse(bad), bad);
            assertTrue(e.getMessage().contains("x"), e.getMessage());
        }
    }
}
