package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class VideoFrameTest {

    @Test
    void blackFrameIsVideoRangeBlackWithNeutralChroma_oddSizesRoundChromaUp() {
        VideoFrame frame = VideoFrame.black(5, 3, 90, 11);
        assertEquals(5, frame.width());
        assertEquals(3, frame.height());
        assertEquals(3, frame.chromaWidth());
        assertEquals(2, frame.chromaHeight());
        assertEquals(90, frame.rotation());
        assertEquals(11, frame.captureTimeNanos());
        assertAll(frame.dataY(), 15, (byte) 16);
        assertAll(frame.dataU(), 6, (byte) 128);
        assertAll(frame.dataV(), 6, (byte) 128);
    }

    @Test
    void planesAreReadOnlyViews() {
        VideoFrame frame = VideoFrame.black(2, 2, 0, 0);
        ByteBuffer y = frame.dataY();
        assertTrue(y.isReadOnly());
        assertThrows(ReadOnlyBufferException.class, () -> y.put(0, (byte) 1));
        assertEquals(16, frame.dataY().get(0));
    }

    @Test
    void acceptsPaddedStridesAndAShortLastRow() {
        // 4x2 luma with stride 8: the last row need only be 4 bytes long.
        VideoFrame frame = new VideoFrame(4, 2, new byte[8 + 4], 8, new byte[2 + 0], 2, new byte[2], 2, 0, 0);
        assertEquals(8, frame.strideY());
        assertEquals(2, frame.strideU());
    }

    @Test
    void rejectsBadSizesStridesPlanesAndRotations() {
        assertMessage("width and height must be 1..16384, got 0x2", () -> VideoFrame.black(0, 2, 0, 0));
        assertMessage("rotation must be 0, 90, 180 or 270, got 45", () -> VideoFrame.black(2, 2, 45, 0));
        assertMessage("stride of plane Y is 3, less than its row of 4 bytes",
                () -> new VideoFrame(4, 2, new byte[8], 3, new byte[2], 2, new byte[2], 2, 0, 0));
        assertMessage("plane U has 1 bytes, needs 2",
                () -> new VideoFrame(4, 2, new byte[8], 4, new byte[1], 2, new byte[2], 2, 0, 0));
        assertMessage("plane V must not be null",
                () -> new VideoFrame(4, 2, new byte[8], 4, new byte[2], 2, null, 2, 0, 0));
    }

    private static void assertAll(ByteBuffer plane, int length, byte value) {
        assertEquals(length, plane.remaining());
        for (int i = 0; i < length; i++) {
            assertEquals(value, plane.get(i), "byte " + i);
        }
    }

    private static void assertMessage(String expectedStart, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
