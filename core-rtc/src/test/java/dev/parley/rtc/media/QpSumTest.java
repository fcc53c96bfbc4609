package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QpSumTest {

    @Test
    void unknownUntilAFrameGivesAQp_unreadableFramesCountedApart() {
        QpSum sum = new QpSum();
        FrameQpParser parser = VideoPayloadFormat.VP8.qpParser();
        assertEquals(OptionalInt.empty(), sum.read(parser, new byte[] {1, 2}));
        assertEquals(OptionalLong.empty(), sum.sum(), "no QP known yet: W3C qpSum absent");
        assertEquals(1, sum.unreadable());
        sum.add(40);
        sum.add(0);
        sum.add(17);
        assertEquals(OptionalLong.of(57), sum.sum());
        assertEquals(3, sum.frames());
        assertEquals(1, sum.unreadable());
    }

    @Test
    void h264SliceBeforeItsParameterSetsIsCountedNotSummed() {
        QpSum sum = new QpSum();
        FrameQpParser parser = VideoPayloadFormat.H264.qpParser();
        byte[] slice = new H264BitWriter().ue(0).ue(7).ue(0).u(0, 4).ue(0).u(0, 4).flag(false).flag(false).se(3)
                .nal(0x65);
        assertEquals(OptionalInt.empty(), sum.read(parser, slice));
        assertEquals(1, sum.unreadable());
        byte[] sps = new H264BitWriter().u(66, 8).u(0xC0, 8).u(31, 8).ue(0).ue(0).ue(0).ue(0).ue(1).flag(false)
                .ue(19).ue(14).flag(true).flag(true).flag(false).flag(false).nal(0x67);
        byte[] pps = new H264BitWriter().ue(0).ue(0).flag(false).flag(false).ue(0).ue(0).ue(0).flag(false).u(0, 2)
                .se(-2).se(0).se(0).flag(true).flag(false).flag(false).nal(0x68);
        byte[] keyFrame = new byte[sps.length + pps.length + slice.length];
        System.arraycopy(sps, 0, keyFrame, 0, sps.length);
        System.arraycopy(pps, 0, keyFrame, sps.length, pps.length);
        System.arraycopy(slice, 0, keyFrame, sps.length + pps.length, slice.length);
        assertEquals(OptionalInt.of(26 - 2 + 3), sum.read(parser, keyFrame));
    }
}
