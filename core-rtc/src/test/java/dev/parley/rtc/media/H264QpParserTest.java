package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** H.264 parameter sets and slice headers written field by field, and the QP read back from them. */
class H264QpParserTest {
    private static final int SPS = 0x67;
    private static final int PPS = 0x68;
    private static final int IDR = 0x65;
    private static final int NON_IDR_REF = 0x41;
    private static final int NON_IDR_NON_REF = 0x01;

    /** Constrained baseline, SPS id 3, POC type 0 with 8-bit LSBs, 6-bit frame_num. */
    private static byte[] baselineSps() {
        return new H264BitWriter().u(66, 8).u(0xE0, 8).u(31, 8).ue(3) // profile, constraints, level, id
                .ue(2) // log2_max_frame_num_minus4: 6 bits
                .ue(0).ue(4) // pic_order_cnt_type 0, log2_max_pic_order_cnt_lsb_minus4: 8 bits
                .ue(1).flag(false) // max_num_ref_frames, gaps
                .ue(39).ue(22).flag(true) // 640x368 in macroblocks, frame_mbs_only
                .flag(true).flag(false).flag(false) // direct_8x8, no cropping, no VUI
                .nal(SPS);
    }

    /** PPS id 7 on SPS 3: CAVLC, no slice groups, weighted prediction, pic_init_qp 26 + initQpMinus26. */
    private static byte[] pps(int initQpMinus26, boolean cabac, boolean bottomFieldPoc, boolean redundantPicCnt) {
        return new H264BitWriter().ue(7).ue(3).flag(cabac).flag(bottomFieldPoc).ue(0) // no slice groups
                .ue(0).ue(0).flag(true).u(0, 2) // one reference each; weighted_pred_flag; bipred 0
                .se(initQpMinus26).se(0).se(-2) // pic_init_qp/qs, chroma_qp_index_offset
                .flag(true).flag(false).flag(redundantPicCnt).nal(PPS);
    }

    private static byte[] idrSlice(int qpDelta) {
        return new H264BitWriter().ue(0).ue(7).ue(7) // first_mb, slice_type I (all I), PPS 7
                .u(0, 6) // frame_num
                .ue(1) // idr_pic_id
                .u(0, 8) // pic_order_cnt_lsb
                .flag(false).flag(true) // no_output_of_prior_pics, long_term_reference
                .se(qpDelta).ue(0).nal(IDR); // slice_qp_delta, then disable_deblocking_filter_idc
    }

    /** A P slice with an override, list modification, a weight table and adaptive marking before its QP. */
    private static byte[] pSlice(int qpDelta, int header) {
        H264BitWriter w = new H264BitWriter().ue(0).ue(5).ue(7) // slice_type P (all P), PPS 7
                .u(5, 6).u(10, 8) // frame_num, pic_order_cnt_lsb
                .flag(true).ue(1) // override: two references in list 0
                .flag(true).ue(0).ue(4).ue(2).ue(1).ue(3) // ref_pic_list_modification_flag_l0 and its ops
                .ue(5).ue(4) // luma and chroma log2 weight denominators
                .flag(true).se(-3).se(2).flag(false) // ref 0: luma weight, no chroma weight
                .flag(false).flag(true).se(1).se(-1).se(2).se(0); // ref 1: chroma weights
        if (header != NON_IDR_NON_REF) {
            w.flag(true).ue(1).ue(0).ue(3).ue(1).ue(2).ue(6).ue(1).ue(0); // adaptive marking: ops 1, 3, 6, end
        }
        return w.se(qpDelta).ue(1).nal(header);
    }

    private static byte[] join(byte[]... units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] u : units) {
            out.writeBytes(u);
        }
        return out.toByteArray();
    }

    @Test
    void parameterSetFieldsReadBack() throws BitstreamParseException {
        byte[] sps = baselineSps();
        assertEquals(new H264Sps(3, 66, 1, false, 8, 6, 0, 8, false, true),
                H264Sps.parse(new ExpGolombReader(H264Nal.rbsp(sps, 4, sps.length - 4))));
        byte[] pps = pps(-4, true, false, false);
        assertEquals(new H264Pps(7, 3, true, false, 1, 1, true, 0, 22, false),
                H264Pps.parse(new ExpGolombReader(H264Nal.rbsp(pps, 4, pps.length - 4))));
    }

    @Test
    void qpIsInitialQpPlusSliceDelta() throws BitstreamParseException {
        H264QpParser parser = new H264QpParser();
        assertEquals(26 + 4 - 9, parser.qp(join(baselineSps(), pps(4, false, false, false), idrSlice(-9))));
        // Later frames use the parameter sets the IDR brought.
        assertEquals(26 + 4 + 12, parser.qp(pSlice(12, NON_IDR_REF)));
        assertEquals(26 + 4 - 30, parser.qp(pSlice(-30, NON_IDR_NON_REF)));
    }

    @Test
    void aNewPpsOfTheSameIdReplacesTheOld() throws BitstreamParseException {
        H264QpParser parser = new H264QpParser();
        parser.qp(join(baselineSps(), pps(0, false, false, false), idrSlice(0)));
        assertEquals(26 - 10 + 3, parser.qp(join(pps(-10, false, false, false), pSlice(3, NON_IDR_REF))));
    }

    @Test
    void cabacPocBottomAndRedundantCountFieldsAreSkipped() throws BitstreamParseException {
        H264QpParser parser = new H264QpParser();
        assertEquals(27, parser.qp(join(baselineSps(), pps(0, true, true, true), idrSliceWithPpsFlags())));
        byte[] p = new H264BitWriter().ue(0).ue(0).ue(7).u(1, 6).u(2, 8)
                .se(-5) // delta_pic_order_cnt_bottom
                .ue(0) // redundant_pic_cnt
                .flag(false) // no override
                .flag(false) // no list modification
                .ue(3).ue(2) // weight table: luma and chroma denominators ...
                .flag(false).flag(false) // ... and for the one reference no luma, no chroma weight
                .flag(false) // no adaptive marking
                .ue(2) // cabac_init_idc
                .se(7).nal(NON_IDR_REF);
        assertEquals(33, parser.qp(p));
    }

    private static byte[] idrSliceWithPpsFlags() {
        return new H264BitWriter().ue(0).ue(7).ue(7).u(0, 6).ue(0).u(0, 8).se(0).ue(0)
                .flag(false).flag(false).se(1).nal(IDR);
    }

    @Test
    void sliceWithoutItsParameterSetsGivesNoQp() {
        H264QpParser parser = new H264QpParser();
        BitstreamParseException e = assertThrows(BitstreamParseException.class, () -> parser.qp(pSlice(1, NON_IDR_REF)));
        assertEquals("slice refers to PPS 7, not seen", e.getMessage());
        assertThrows(BitstreamParseException.class, () -> parser.qp(join(pps(0, false, false, false), idrSlice(0))));
        assertThrows(BitstreamParseException.class, () -> parser.qp(join(baselineSps(), pps(0, false, false, false))));
    }

    @Test
    void emulationPreventionBytesAreRemoved() {
        byte[] nal = {0x67, 0, 0, 3, 1, 0, 0, 3, 0, 0, 0, 3, 3};
        assertEquals("000001000000000003", hex(H264Nal.rbsp(nal, 0, nal.length)));
    }

    @Test
    void outOfRangeQpIsRefused() {
        H264QpParser parser = new H264QpParser();
        assertThrows(BitstreamParseException.class,
                () -> parser.qp(join(baselineSps(), pps(25, false, false, false), idrSlice(1))));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
