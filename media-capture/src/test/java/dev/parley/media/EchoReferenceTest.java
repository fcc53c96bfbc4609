package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo reference hub and the speaker's tap into it, without devices or threads. */
class EchoReferenceTest {
    private static final int FRAME = 480;

    @Test
    void theNewestOpenSpeakerIsTheReferenceAndClosingItHandsTheReferenceBack() throws Exception {
        EchoReference echo = new EchoReference();
        List<Short> heard = new ArrayList<>();
        AutoCloseable subscription = echo.subscribe((far, offset) -> heard.add(far[offset]));
        EchoReference.Speaker ringer = echo.openSpeaker("ringer");
        EchoReference.Speaker call = echo.openSpeaker("call");

        ringer.publish(frameOf((short) 1), 5_000_000);
        call.publish(frameOf((short) 2), 7_000_000);
        assertEquals(List.of((short) 2), heard, "only the newest speaker is the reference");
        assertEquals(7_000_000, echo.renderDelayNanos());

        call.close();
        ringer.publish(frameOf((short) 3), 5_000_000);
        assertEquals(List.of((short) 2, (short) 3), heard, "the older speaker is the reference again");
        assertEquals(5_000_000, echo.renderDelayNanos());

        subscription.close();
        ringer.publish(frameOf((short) 4), 5_000_000);
        assertEquals(2, heard.size(), "a subscriber that left hears nothing more");
        assertEquals(0, echo.subscriberCount());

        ringer.close();
        assertEquals(-1, echo.renderDelayNanos(), "no speaker open: no delay to tell");
    }

    @Test
    void everySubscriberGetsEveryFrameOfTheReference() throws Exception {
        EchoReference echo = new EchoReference();
        List<String> heard = new ArrayList<>();
        AutoCloseable a = echo.subscribe((far, offset) -> heard.add("a" + far[0]));
        AutoCloseable b = echo.subscribe((far, offset) -> heard.add("b" + far[0]));
        EchoReference.Speaker speaker = echo.openSpeaker("speaker");
        speaker.publish(frameOf((short) 9), 0);
        a.close();
        speaker.publish(frameOf((short) 8), 0);
        assertEquals(List.of("a9", "b9", "b8"), heard);
        assertEquals(2, echo.framesPublished());
        b.close();
    }

    @Test
    void theTapMixesStereoToMonoTenMillisecondFramesAcrossBlocksWithEachFramesDelay() {
        EchoReference echo = new EchoReference();
        List<short[]> frames = new ArrayList<>();
        echo.subscribe((far, offset) -> frames.add(Arrays.copyOfRange(far, offset, offset + FRAME)));
        RenderTap tap = new RenderTap(echo.openSpeaker("speaker"));
        // 15 ms of stereo (left 1000, right 3000), then 5 ms more: the second frame spans both blocks
        tap.written(stereo(720, (short) 1000, (short) 3000), 720 * 4, 2, 20_000_000);
        assertEquals(1, frames.size());
        assertEquals(20_000_000, echo.renderDelayNanos(), "the first frame starts the block");
        tap.written(stereo(240, (short) -1000, (short) -3000), 240 * 4, 2, 12_000_000);
        assertEquals(2, frames.size());
        assertEquals(7_000_000, echo.renderDelayNanos(), "the second frame began 5 ms before the block's 12 ms");
        for (short sample : frames.get(0)) {
            assertEquals(2000, sample, "the mean of the channels");
        }
        assertEquals(2000, frames.get(1)[0]);
        assertEquals(2000, frames.get(1)[239]);
        assertEquals(-2000, frames.get(1)[240]);
        assertEquals(-2000, frames.get(1)[479]);

        tap.written(stereo(100, (short) 5, (short) 5), 100 * 4, 2, 0);
        tap.reset(); // a reopened line: the partial frame is dropped
        tap.written(stereo(FRAME, (short) 7, (short) 7), FRAME * 4, 2, 0);
        assertEquals(3, frames.size());
        for (short sample : frames.get(2)) {
            assertEquals(7, sample);
        }
        assertEquals(3, echo.framesPublished());
    }

    private static short[] frameOf(short value) {
        short[] frame = new short[FRAME];
        Arrays.fill(frame, value);
        return frame;
    }

    private static byte[] stereo(int instants, short left, short right) {
        byte[] bytes = new byte[instants * 4];
        for (int i = 0; i < instants; i++) {
            bytes[4 * i] = (byte) left;
            bytes[4 * i + 1] = (byte) (left >> 8);
            bytes[4 * i + 2] = (byte) right;
            bytes[4 * i + 3] = (byte) (right >> 8);
        }
        return bytes;
    }
}
