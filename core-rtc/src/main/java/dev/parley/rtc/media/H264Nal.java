package dev.parley.rtc.media;

/** H.264 NAL unit header fields (ITU-T H.264 §7.3.1; RFC 6184 §1.3) and the types RTP uses. */
final class H264Nal {
    static final int IDR = 5;
    static final int SPS = 7;
    static final int PPS = 8;
    /** RFC 6184 §5.7.1: single-time aggregation packet. */
    static final int STAP_A = 24;
    /** RFC 6184 §5.8: fragmentation unit without DON. */
    static final int FU_A = 28;

    private H264Nal() {}

    static int type(int header) {
        return header & 0x1F;
    }

    /** forbidden_zero_bit and nal_ref_idc: the bits an aggregate or fragment carries over. */
    static int forbiddenAndNri(int header) {
        return header & 0xE0;
    }
}
