package dev.parley.rtc.media;

/**
 * The start of a VP8 frame (RFC 6386 §9.1–9.6, syntax in §19.1–19.2): the uncompressed data chunk
 * and the first partition's frame header up to the quantizer indices, which is where a frame's QP
 * is. What follows (refresh flags, probability updates) is not read.
 *
 * @param keyFrame an intra frame (frame tag bit 0 clear)
 * @param version the frame tag's 3-bit version (reconstruction filter and loop filter type)
 * @param showFrame whether the frame is to be displayed
 * @param firstPartitionSize bytes of the first partition, after the uncompressed chunk
 * @param width key frames: the 14-bit width (0 for inter frames)
 * @param height key frames: the 14-bit height (0 for inter frames)
 * @param segmentationEnabled whether macroblocks may carry segment ids (with their own quantizer)
 * @param filterType the loop filter type bit (0 normal, 1 simple)
 * @param loopFilterLevel 0..63
 * @param sharpnessLevel 0..7
 * @param dctPartitions number of DCT token partitions: 1, 2, 4 or 8
 * @param yAcQi the base quantizer index, 0..127: what browsers report as the frame's QP
 * @param yDcDelta delta of the luma DC quantizer index from yAcQi (±15)
 * @param y2DcDelta the same for the Y2 DC
 * @param y2AcDelta the same for the Y2 AC
 * @param uvDcDelta the same for the chroma DC
 * @param uvAcDelta the same for the chroma AC
 */
public record Vp8FrameHeader(boolean keyFrame, int version, boolean showFrame, int firstPartitionSize, int width,
        int height, boolean segmentationEnabled, int filterType, int loopFilterLevel, int sharpnessLevel,
        int dctPartitions, int yAcQi, int yDcDelta, int y2DcDelta, int y2AcDelta, int uvDcDelta, int uvAcDelta) {
    private static final int KEY_FRAME_CHUNK = 10;
    private static final int INTER_FRAME_CHUNK = 3;
    private static final int SEGMENTS = 4;
    private static final int SEGMENT_PROBABILITIES = 3;
    private static final int REF_FRAME_DELTAS = 4;
    private static final int MODE_DELTAS = 4;

    /** Parses a whole encoded frame, as an encoder writes it and a depacketizer joins it. */
    public static Vp8FrameHeader parse(byte[] frame) throws BitstreamParseException {
        if (frame.length < INTER_FRAME_CHUNK) {
            throw new BitstreamParseException("a VP8 frame starts with a 3-byte frame tag, got " + frame.length);
        }
        // §9.1: the frame tag is 24 bits little-endian.
        int tag = (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16;
        boolean keyFrame = (tag & 1) == 0;
        int version = (tag >> 1) & 7;
        boolean showFrame = ((tag >> 4) & 1) == 1;
        int firstPartitionSize = tag >>> 5;
        int width = 0;
        int height = 0;
        int chunk = INTER_FRAME_CHUNK;
        if (keyFrame) {
            if (frame.length < KEY_FRAME_CHUNK) {
                throw new BitstreamParseException("a VP8 key frame's uncompressed chunk is 10 bytes, got " + frame.length);
            }
            if ((frame[3] & 0xFF) != 0x9D || (frame[4] & 0xFF) != 0x01 || (frame[5] & 0xFF) != 0x2A) {
                throw new BitstreamParseException("a VP8 key frame without its start code 9d 01 2a");
            }
            // The two high bits of each are the upscaling factor, not part of the size.
            width = ((frame[6] & 0xFF) | (frame[7] & 0xFF) << 8) & 0x3FFF;
            height = ((frame[8] & 0xFF) | (frame[9] & 0xFF) << 8) & 0x3FFF;
            chunk = KEY_FRAME_CHUNK;
        }
        if (firstPartitionSize > frame.length - chunk) {
            throw new BitstreamParseException("first partition of " + firstPartitionSize + " bytes in a frame of "
                    + frame.length);
        }
        BoolDecoder header = new BoolDecoder(frame, chunk, firstPartitionSize);
        if (keyFrame) {
            header.readFlag(); // color_space
            header.readFlag(); // clamping_type
        }
        boolean segmentation = header.readFlag();
        if (segmentation) {
            skipSegmentationUpdate(header);
        }
        int filterType = header.readLiteral(1);
        int loopFilterLevel = header.readLiteral(6);
        int sharpness = header.readLiteral(3);
        skipLoopFilterAdjustments(header);
        int dctPartitions = 1 << header.readLiteral(2);
        int yAcQi = header.readLiteral(7);
        return new Vp8FrameHeader(keyFrame, version, showFrame, firstPartitionSize, width, height, segmentation,
                filterType, loopFilterLevel, sharpness, dctPartitions, yAcQi, optionalDelta(header),
                optionalDelta(header), optionalDelta(header), optionalDelta(header), optionalDelta(header));
    }

    /** §9.3, {@code update_segmentation()} of §19.2: the segment quantizer/filter values and map probabilities. */
    private static void skipSegmentationUpdate(BoolDecoder header) throws BitstreamParseException {
        boolean updateMap = header.readFlag();
        boolean updateData = header.readFlag();
        if (updateData) {
            header.readFlag(); // segment_feature_mode: absolute or delta
            for (int i = 0; i < SEGMENTS; i++) {
                if (header.readFlag()) {
                    header.readSignedLiteral(7); // quantizer_update_value and sign
                }
            }
            for (int i = 0; i < SEGMENTS; i++) {
                if (header.readFlag()) {
                    header.readSignedLiteral(6); // lf_update_value and sign
                }
            }
        }
        if (updateMap) {
            for (int i = 0; i < SEGMENT_PROBABILITIES; i++) {
                if (header.readFlag()) {
                    header.readLiteral(8); // segment_prob
                }
            }
        }
    }

    /** §9.6, {@code mb_lf_adjustments()} of §19.2: loop filter deltas by reference frame and mode. */
    private static void skipLoopFilterAdjustments(BoolDecoder header) throws BitstreamParseException {
        if (header.readFlag() && header.readFlag()) { // loop_filter_adj_enable, mode_ref_lf_delta_update
            for (int i = 0; i < REF_FRAME_DELTAS + MODE_DELTAS; i++) {
                if (header.readFlag()) {
                    header.readSignedLiteral(6);
                }
            }
        }
    }

    /** §9.6, {@code quant_indices()}: a flag, then a 4-bit magnitude and sign; 0 when absent. */
    private static int optionalDelta(BoolDecoder header) throws BitstreamParseException {
        return header.readFlag() ? header.readSignedLiteral(4) : 0;
    }
}
