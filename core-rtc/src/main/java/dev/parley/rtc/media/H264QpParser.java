package dev.parley.rtc.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * H.264's QP: the slice QP of an access unit's last slice (as libwebrtc reports it; OpenH264 writes
 * one slice a picture). SPS and PPS are kept by id as they pass (the last of each id wins), since
 * a slice can only be read with the parameter sets it refers to; a slice whose sets never came
 * gives no QP until they do.
 */
final class H264QpParser implements FrameQpParser {
    private final Map<Integer, H264Sps> spsById = new HashMap<>();
    private final Map<Integer, H264Pps> ppsById = new HashMap<>();
    private final H264SliceHeader.ParameterSets sets = new H264SliceHeader.ParameterSets() {
        @Override
        public H264Pps pps(int id) throws BitstreamParseException {
            H264Pps pps = ppsById.get(id);
            if (pps == null) {
                throw new BitstreamParseException("slice refers to PPS " + id + ", not seen");
            }
            return pps;
        }

        @Override
        public H264Sps sps(int id) throws BitstreamParseException {
            H264Sps sps = spsById.get(id);
            if (sps == null) {
                throw new BitstreamParseException("PPS refers to SPS " + id + ", not seen");
            }
            return sps;
        }
    };

    /** @param frame an access unit in Annex B form */
    @Override
    public int qp(byte[] frame) throws BitstreamParseException {
        List<int[]> units = AnnexB.split(frame);
        Integer qp = null;
        for (int[] unit : units) {
            int header = frame[unit[0]] & 0xFF;
            int type = H264Nal.type(header);
            if (type == H264Nal.SPS) {
                H264Sps sps = H264Sps.parse(reader(frame, unit));
                spsById.put(sps.id(), sps);
            } else if (type == H264Nal.PPS) {
                H264Pps pps = H264Pps.parse(reader(frame, unit));
                ppsById.put(pps.id(), pps);
            } else if (type == H264Nal.NON_IDR_SLICE || type == H264Nal.IDR) {
                qp = H264SliceHeader.parse(reader(frame, unit), header, sets).qp();
            }
        }
        if (qp == null) {
            throw new BitstreamParseException("an access unit of " + units.size() + " NAL units without a slice");
        }
        return qp;
    }

    private static ExpGolombReader reader(byte[] frame, int[] unit) {
        return new ExpGolombReader(H264Nal.rbsp(frame, unit[0], unit[1]));
    }
}
