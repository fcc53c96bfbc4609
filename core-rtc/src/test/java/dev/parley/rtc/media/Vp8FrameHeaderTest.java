package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** VP8 frame headers written field by field with RFC 6386's bool encoder, read back. */
class Vp8FrameHeaderTest {

    /** The first partition's header (§19.2) with every optional part present, up to the quantizer indices. */
    private static byte[] firstPartition(boolean keyFrame, int yAcQi) {
        BoolEncoder e = new BoolEncoder();
        if (keyFrame) {
            e.writeFlag(false); // color_space
            e.writeFlag(true); // clamping_type
        }
        e.writeFlag(true); // segmentation_enabled
        e.writeFlag(true); // update_mb_segmentation_map
        e.writeFlag(true); // update_segment_feature_data
        e.writeFlag(true); // segment_feature_mode
        int[] quantizer = {5, -3, 0, 100};
        for (int q : quantizer) {
            e.writeFlag(q != 0);
            if (q != 0) {
                e.writeSignedLiteral(q, 7);
            }
        }
        int[] filter = {0, 63, -20, 0};
        for (int f : filter) {
            e.writeFlag(f != 0);
            if (f != 0) {
                e.writeSignedLiteral(f, 6);
            }
        }
        int[] probabilities = {200, -1, 17};
        for (int p : probabilities) {
            e.writeFlag(p >= 0);
            if (p >= 0) {
                e.writeLiteral(p, 8);
            }
        }
        e.writeLiteral(1, 1); // filter_type
        e.writeLiteral(42, 6); // loop_filter_level
        e.writeLiteral(5, 3); // sharpness_level
        e.writeFlag(true); // loop_filter_adj_enable
        e.writeFlag(true); // mode_ref_lf_delta_update
        int[] deltas = {2, 0, -2, -2, 4, -2, 0, 63};
        for (int d : deltas) {
            e.writeFlag(d != 0);
            if (d != 0) {
                e.writeSignedLiteral(d, 6);
            }
        }
        e.writeLiteral(2, 2); // log2_nbr_of_dct_partitions: 4
        e.writeLiteral(yAcQi, 7);
        e.writeOptionalDelta(-3, 4); // y_dc
        e.writeOptionalDelta(0, 4); // y2_dc
        e.writeOptionalDelta(7, 4); // y2_ac
        e.writeOptionalDelta(-15, 4); // uv_dc
        e.writeOptionalDelta(2, 4); // uv_ac
        e.writeFlag(true); // refresh_entropy_probs and on: not read, there to be skipped
        e.writeLiteral(0x5A5A, 16);
        return e.finish();
    }

    private static byte[] frame(boolean keyFrame, byte[] partition, int declaredSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int tag = (keyFrame ? 0 : 1) | (2 << 1) | (1 << 4) | (declaredSize << 5);
        out.write(tag);
        out.write(tag >> 8);
        out.write(tag >> 16);
        if (keyFrame) {
            out.writeBytes(new byte[] {(byte) 0x9D, 0x01, 0x2A});
            out.writeBytes(new byte[] {(byte) (640 & 0xFF), (byte) (640 >> 8)}); // width 640, no scaling
            int height = 360 | (2 << 14); // 5/3 vertical upscaling in the two high bits
            out.writeBytes(new byte[] {(byte) height, (byte) (height >> 8)});
        }
        out.writeBytes(partition);
        out.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}); // partition sizes and DCT tokens
        return out.toByteArray();
    }

    @Test
    void keyFrameWithEveryOptionalPartReadsItsFields() throws BitstreamParseException {
        byte[] partition = firstPartition(true, 97);
        Vp8FrameHeader h = Vp8FrameHeader.parse(frame(true, partition, partition.length));
        assertEquals(new Vp8FrameHeader(true, 2, true, partition.length, 640, 360, true, 1, 42, 5, 4, 97, -3, 0, 7,
                -15, 2), h);
    }

    @Test
    void interFrameHasNoColourSpaceNorSize() throws BitstreamParseException {
        for (int qi : new int[] {0, 1, 64, 127}) {
            byte[] partition = firstPartition(false, qi);
            Vp8FrameHeader h = Vp8FrameHeader.parse(frame(false, partition, partition.length));
            assertFalse(h.keyFrame());
            assertEquals(0, h.width());
            assertEquals(qi, h.yAcQi());
            assertEquals(42, h.loopFilterLevel());
        }
    }

    @Test
    void plainKeyFrameHeader() throws BitstreamParseException {
        BoolEncoder e = new BoolEncoder();
        e.writeLiteral(0, 2); // colour space, clamping
        e.writeFlag(false); // no segmentation
        e.writeLiteral(0, 1);
        e.writeLiteral(10, 6);
        e.writeLiteral(0, 3);
        e.writeFlag(false); // no loop filter adjustments
        e.writeLiteral(0, 2);
        e.writeLiteral(33, 7);
        e.writeLiteral(0, 5); // no quantizer deltas
        byte[] partition = e.finish();
        Vp8FrameHeader h = Vp8FrameHeader.parse(frame(true, partition, partition.length));
        assertEquals(new Vp8FrameHeader(true, 2, true, partition.length, 640, 360, false, 0, 10, 0, 1, 33, 0, 0, 0, 0,
                0), h);
    }

    @Test
    void malformedFramesFailWithTheParseException() {
        byte[] partition = firstPartition(true, 50);
        byte[] good = frame(true, partition, partition.length);
        assertThrows(BitstreamParseException.class, () -> Vp8FrameHeader.parse(new byte[] {0x10, 0}));
        assertThrows(BitstreamParseException.class, () -> Vp8FrameHeader.parse(Arrays.copyOf(good, 9)));
        byte[] badStartCode = good.clone();
        badStartCode[4] = 0x02;
        assertThrows(BitstreamParseException.class, () -> Vp8FrameHeader.parse(badStartCode));
        // A first partition said to be longer than the frame.
        assertThrows(BitstreamParseException.class,
                () -> Vp8FrameHeader.parse(frame(true, partition, partition.length + 20)));
        // A partition of ones: every flag set, so the header runs past its three bytes.
        byte[] ones = frame(false, new byte[] {-1, -1, -1}, 3);
        BitstreamParseException e = assertThrows(BitstreamParseException.class, () -> Vp8FrameHeader.parse(ones));
        assertTrue(e.getMessage().contains("past the end"), e.getMessage());
    }
}
