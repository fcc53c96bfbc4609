package dev.parley.rtc.media;

/**
 * The fields of an H.264 picture parameter set (ITU-T H.264 §7.3.2.2, semantics §7.4.2.2) that
 * lie between a slice header's start and its slice_qp_delta, and the QP every slice starts from.
 *
 * @param id pic_parameter_set_id, 0..255
 * @param spsId the seq_parameter_set_id it refers to
 * @param entropyCodingMode entropy_coding_mode_flag: CABAC (P and B slices then carry cabac_init_idc)
 * @param bottomFieldPicOrderInFramePresent bottom_field_pic_order_in_frame_present_flag
 * @param numRefIdxL0DefaultActive num_ref_idx_l0_default_active_minus1 + 1
 * @param numRefIdxL1DefaultActive num_ref_idx_l1_default_active_minus1 + 1
 * @param weightedPred weighted_pred_flag (P and SP slices carry a weight table)
 * @param weightedBipredIdc weighted_bipred_idc (1: B slices carry a weight table)
 * @param picInitQp 26 + pic_init_qp_minus26
 * @param redundantPicCntPresent redundant_pic_cnt_present_flag
 */
record H264Pps(int id, int spsId, boolean entropyCodingMode, boolean bottomFieldPicOrderInFramePresent,
        int numRefIdxL0DefaultActive, int numRefIdxL1DefaultActive, boolean weightedPred, int weightedBipredIdc,
        int picInitQp, boolean redundantPicCntPresent) {
    private static final int MAX_SLICE_GROUPS_MINUS1 = 7;

    /** Parses a PPS's RBSP (after its NAL header). */
    static H264Pps parse(ExpGolombReader in) throws BitstreamParseException {
        int id = in.readUe(255, "pic_parameter_set_id");
        int spsId = in.readUe(31, "seq_parameter_set_id");
        boolean cabac = in.readFlag();
        boolean bottomFieldPoc = in.readFlag();
        int sliceGroupsMinus1 = in.readUe(MAX_SLICE_GROUPS_MINUS1, "num_slice_groups_minus1");
        if (sliceGroupsMinus1 > 0) {
            skipSliceGroupMap(in, sliceGroupsMinus1);
        }
        int l0 = 1 + in.readUe(31, "num_ref_idx_l0_default_active_minus1");
        int l1 = 1 + in.readUe(31, "num_ref_idx_l1_default_active_minus1");
        boolean weightedPred = in.readFlag();
        int weightedBipred = (int) in.readBits(2);
        // −(26 + 6·bit_depth_luma_minus8) .. +25; the lower end is checked against the SPS with the slice.
        int picInitQp = 26 + in.readSe(-26 - 36, 25, "pic_init_qp_minus26");
        in.readSe(-26, 25, "pic_init_qs_minus26");
        in.readSe(-12, 12, "chroma_qp_index_offset");
        in.readFlag(); // deblocking_filter_control_present_flag
        in.readFlag(); // constrained_intra_pred_flag
        boolean redundantPicCnt = in.readFlag();
        return new H264Pps(id, spsId, cabac, bottomFieldPoc, l0, l1, weightedPred, weightedBipred, picInitQp,
                redundantPicCnt);
    }

    /** The slice group map of FMO (Baseline profile's slice groups, §7.3.2.2). */
    private static void skipSliceGroupMap(ExpGolombReader in, int groupsMinus1) throws BitstreamParseException {
        int mapType = in.readUe(6, "slice_group_map_type");
        switch (mapType) {
            case 0 -> {
                for (int group = 0; group <= groupsMinus1; group++) {
                    in.readUe(); // run_length_minus1
                }
            }
            case 2 -> {
                for (int group = 0; group < groupsMinus1; group++) {
                    in.readUe(); // top_left
                    in.readUe(); // bottom_right
                }
            }
            case 3, 4, 5 -> {
                in.readFlag(); // slice_group_change_direction_flag
                in.readUe(); // slice_group_change_rate_minus1
            }
            case 6 -> {
                long units = in.readUe() + 1; // pic_size_in_map_units_minus1 + 1
                int bits = 32 - Integer.numberOfLeadingZeros(groupsMinus1); // Ceil(Log2(groups))
                for (long i = 0; i < units; i++) {
                    in.readBits(bits); // slice_group_id; runs out of data on an absurd count
                }
            }
            default -> { } // 1: dispersed, nothing more to read
        }
    }
}
