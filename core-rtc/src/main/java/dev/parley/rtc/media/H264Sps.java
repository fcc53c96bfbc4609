package dev.parley.rtc.media;

import java.util.Set;

/**
 * The fields of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1, semantics §7.4.2.1.1)
 * that a slice header's layout depends on; the rest (VUI, cropping) is not read.
 *
 * @param id seq_parameter_set_id, 0..31
 * @param profileIdc profile_idc
 * @param chromaArrayType ChromaArrayType: chroma_format_idc, or 0 with separate colour planes
 * @param separateColourPlane separate_colour_plane_flag (slices then carry colour_plane_id)
 * @param bitDepthLuma BitDepthY, 8..14 (QP may go down to −6·(bitDepthLuma − 8))
 * @param log2MaxFrameNum bits of frame_num in a slice header, 4..16
 * @param picOrderCntType 0, 1 or 2
 * @param log2MaxPicOrderCntLsb bits of pic_order_cnt_lsb (type 0 only), 4..16
 * @param deltaPicOrderAlwaysZero delta_pic_order_always_zero_flag (type 1 only)
 * @param frameMbsOnly frame_mbs_only_flag: no field pictures, so no field flags in slice headers
 */
record H264Sps(int id, int profileIdc, int chromaArrayType, boolean separateColourPlane, int bitDepthLuma,
        int log2MaxFrameNum, int picOrderCntType, int log2MaxPicOrderCntLsb, boolean deltaPicOrderAlwaysZero,
        boolean frameMbsOnly) {
    /** Profiles whose SPS carries chroma format, bit depths and scaling matrices (the "if" of §7.3.2.1.1). */
    private static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

    /** Parses an SPS's RBSP (after its NAL header). */
    static H264Sps parse(ExpGolombReader in) throws BitstreamParseException {
        int profileIdc = (int) in.readBits(8);
        in.readBits(8); // constraint_set0..5 flags and reserved_zero_2bits
        in.readBits(8); // level_idc
        int id = in.readUe(31, "seq_parameter_set_id");
        int chromaFormatIdc = 1; // 4:2:0 where the profile does not say (§7.4.2.1.1)
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        if (HIGH_PROFILES.contains(profileIdc)) {
            chromaFormatIdc = in.readUe(3, "chroma_format_idc");
            if (chromaFormatIdc == 3) {
                separateColourPlane = in.readFlag();
            }
            bitDepthLuma = 8 + in.readUe(6, "bit_depth_luma_minus8");
            in.readUe(6, "bit_depth_chroma_minus8");
            in.readFlag(); // qpprime_y_zero_transform_bypass_flag
            if (in.readFlag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (in.readFlag()) {
                        skipScalingList(in, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        int log2MaxFrameNum = 4 + in.readUe(12, "log2_max_frame_num_minus4");
        int pocType = in.readUe(2, "pic_order_cnt_type");
        int log2MaxPocLsb = 0;
        boolean deltaAlwaysZero = false;
        if (pocType == 0) {
            log2MaxPocLsb = 4 + in.readUe(12, "log2_max_pic_order_cnt_lsb_minus4");
        } else if (pocType == 1) {
            deltaAlwaysZero = in.readFlag();
            in.readSe(); // offset_for_non_ref_pic
            in.readSe(); // offset_for_top_to_bottom_field
            int cycle = in.readUe(255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (int i = 0; i < cycle; i++) {
                in.readSe(); // offset_for_ref_frame[i]
            }
        }
        in.readUe(); // max_num_ref_frames
        in.readFlag(); // gaps_in_frame_num_value_allowed_flag
        in.readUe(); // pic_width_in_mbs_minus1
        in.readUe(); // pic_height_in_map_units_minus1
        boolean frameMbsOnly = in.readFlag();
        int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        return new H264Sps(id, profileIdc, chromaArrayType, separateColourPlane, bitDepthLuma, log2MaxFrameNum,
                pocType, log2MaxPocLsb, deltaAlwaysZero, frameMbsOnly);
    }

    /** §7.3.2.1.1.1 scaling_list(): delta-coded until a delta makes the next scale 0. */
    private static void skipScalingList(ExpGolombReader in, int size) throws BitstreamParseException {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size && nextScale != 0; j++) {
            int delta = in.readSe(-128, 127, "delta_scale");
            nextScale = (lastScale + delta + 256) % 256;
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }
}
