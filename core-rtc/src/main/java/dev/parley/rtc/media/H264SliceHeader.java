package dev.parley.rtc.media;

/**
 * An H.264 slice header (ITU-T H.264 §7.3.3, semantics §7.4.3) read as far as slice_qp_delta,
 * which with the PPS's initial QP gives the slice's luma QP: SliceQPY = 26 + pic_init_qp_minus26 +
 * slice_qp_delta (7-30). Everything before it is read only to find where it is.
 *
 * @param sliceType slice_type modulo 5: {@link #P}, {@link #B}, {@link #I}, {@link #SP}, {@link #SI}
 * @param ppsId the pic_parameter_set_id it refers to
 * @param frameNum frame_num
 * @param qp SliceQPY
 */
record H264SliceHeader(int sliceType, int ppsId, long frameNum, int qp) {
    static final int P = 0;
    static final int B = 1;
    static final int I = 2;
    static final int SP = 3;
    static final int SI = 4;
    private static final int MAX_QP = 51;

    /** The parameter sets a slice refers to, kept by id from earlier NAL units. */
    interface ParameterSets {
        H264Pps pps(int id) throws BitstreamParseException;

        H264Sps sps(int id) throws BitstreamParseException;
    }

    /**
     * Parses a slice's RBSP (after its NAL header).
     *
     * @param nalHeader the slice NAL unit's header byte (its type tells IDR; nal_ref_idc tells
     *     whether dec_ref_pic_marking is present)
     */
    static H264SliceHeader parse(ExpGolombReader in, int nalHeader, ParameterSets sets) throws BitstreamParseException {
        boolean idr = H264Nal.type(nalHeader) == H264Nal.IDR;
        in.readUe(); // first_mb_in_slice
        int sliceType = in.readUe(9, "slice_type") % 5;
        int ppsId = in.readUe(255, "pic_parameter_set_id");
        H264Pps pps = sets.pps(ppsId);
        H264Sps sps = sets.sps(pps.spsId());
        if (sps.separateColourPlane()) {
            in.readBits(2); // colour_plane_id
        }
        long frameNum = in.readBits(sps.log2MaxFrameNum());
        boolean field = false;
        if (!sps.frameMbsOnly()) {
            field = in.readFlag(); // field_pic_flag
            if (field) {
                in.readFlag(); // bottom_field_flag
            }
        }
        if (idr) {
            in.readUe(); // idr_pic_id
        }
        if (sps.picOrderCntType() == 0) {
            in.readBits(sps.log2MaxPicOrderCntLsb()); // pic_order_cnt_lsb
            if (pps.bottomFieldPicOrderInFramePresent() && !field) {
                in.readSe(); // delta_pic_order_cnt_bottom
            }
        }
        if (sps.picOrderCntType() == 1 && !sps.deltaPicOrderAlwaysZero()) {
            in.readSe(); // delta_pic_order_cnt[0]
            if (pps.bottomFieldPicOrderInFramePresent() && !field) {
                in.readSe(); // delta_pic_order_cnt[1]
            }
        }
        if (pps.redundantPicCntPresent()) {
            in.readUe(); // redundant_pic_cnt
        }
        if (sliceType == B) {
            in.readFlag(); // direct_spatial_mv_pred_flag
        }
        int l0 = pps.numRefIdxL0DefaultActive();
        int l1 = pps.numRefIdxL1DefaultActive();
        if (sliceType == P || sliceType == SP || sliceType == B) {
            if (in.readFlag()) { // num_ref_idx_active_override_flag
                l0 = 1 + in.readUe(31, "num_ref_idx_l0_active_minus1");
                if (sliceType == B) {
                    l1 = 1 + in.readUe(31, "num_ref_idx_l1_active_minus1");
                }
            }
        }
        skipRefPicListModification(in, sliceType);
        if ((pps.weightedPred() && (sliceType == P || sliceType == SP))
                || (pps.weightedBipredIdc() == 1 && sliceType == B)) {
            skipPredWeightTable(in, sliceType, sps.chromaArrayType(), l0, l1);
        }
        if (H264Nal.refIdc(nalHeader) != 0) {
            skipDecRefPicMarking(in, idr);
        }
        if (pps.entropyCodingMode() && sliceType != I && sliceType != SI) {
            in.readUe(2, "cabac_init_idc");
        }
        int qpBdOffset = 6 * (sps.bitDepthLuma() - 8);
        int qp = pps.picInitQp() + in.readSe(-(MAX_QP + qpBdOffset) * 2, MAX_QP * 2, "slice_qp_delta");
        if (qp < -qpBdOffset || qp > MAX_QP) {
            throw new BitstreamParseException("slice QP " + qp + " outside " + -qpBdOffset + ".." + MAX_QP);
        }
        return new H264SliceHeader(sliceType, ppsId, frameNum, qp);
    }

    /** §7.3.3.1 ref_pic_list_modification(), for the lists the slice type has. */
    private static void skipRefPicListModification(ExpGolombReader in, int sliceType) throws BitstreamParseException {
        if (sliceType != I && sliceType != SI) {
            skipModifications(in);
        }
        if (sliceType == B) {
            skipModifications(in);
        }
    }

    private static void skipModifications(ExpGolombReader in) throws BitstreamParseException {
        if (!in.readFlag()) { // ref_pic_list_modification_flag_lX
            return;
        }
        int idc;
        do {
            idc = in.readUe(3, "modification_of_pic_nums_idc");
            if (idc != 3) {
                in.readUe(); // abs_diff_pic_num_minus1 (0, 1) or long_term_pic_num (2)
            }
        } while (idc != 3); // each round reads bits, so a stream without the end runs out of data
    }

    /** §7.3.3.2 pred_weight_table(). */
    private static void skipPredWeightTable(ExpGolombReader in, int sliceType, int chromaArrayType, int l0, int l1)
            throws BitstreamParseException {
        in.readUe(7, "luma_log2_weight_denom");
        if (chromaArrayType != 0) {
            in.readUe(7, "chroma_log2_weight_denom");
        }
        skipWeights(in, chromaArrayType, l0);
        if (sliceType == B) {
            skipWeights(in, chromaArrayType, l1);
        }
    }

    private static void skipWeights(ExpGolombReader in, int chromaArrayType, int refs) throws BitstreamParseException {
        for (int i = 0; i < refs; i++) {
            if (in.readFlag()) { // luma_weight_lX_flag
                in.readSe(); // luma_weight
                in.readSe(); // luma_offset
            }
            if (chromaArrayType != 0 && in.readFlag()) { // chroma_weight_lX_flag
                for (int j = 0; j < 2; j++) {
                    in.readSe(); // chroma_weight
                    in.readSe(); // chroma_offset
                }
            }
        }
    }

    /** §7.3.3.3 dec_ref_pic_marking(). */
    private static void skipDecRefPicMarking(ExpGolombReader in, boolean idr) throws BitstreamParseException {
        if (idr) {
            in.readFlag(); // no_output_of_prior_pics_flag
            in.readFlag(); // long_term_reference_flag
            return;
        }
        if (!in.readFlag()) { // adaptive_ref_pic_marking_mode_flag
            return;
        }
        int operation;
        do {
            operation = in.readUe(6, "memory_management_control_operation");
            if (operation == 1 || operation == 3) {
                in.readUe(); // difference_of_pic_nums_minus1
            }
            if (operation == 2) {
                in.readUe(); // long_term_pic_num
            }
            if (operation == 3 || operation == 6) {
                in.readUe(); // long_term_frame_idx
            }
            if (operation == 4) {
                in.readUe(); // max_long_term_frame_idx_plus1
            }
        } while (operation != 0);
    }
}
