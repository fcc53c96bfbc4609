package dev.parley.rtc.codec;

/**
 * ITU-T G.711 (11/88) pulse code modulation: μ-law (RTP "PCMU", static payload type 0) and A-law
 * ("PCMA", payload type 8), one byte per sample at 8000 Hz (RFC 3551 §4.5.14).
 *
 * <p>Both laws are piecewise-linear approximations of a logarithm: 8 segments (chords) of 16 equal
 * intervals each, the step doubling from one segment to the next, plus a sign bit. The code word
 * is {@code sign | segment << 4 | interval}; μ-law sends it with all bits inverted, A-law with the
 * even bits inverted (XOR 0x55), as G.711 §3 and Tables 1/2 define. The decoder output is the
 * middle of the interval (G.711's "quantized value").
 *
 * <p>The laws are defined on 14-bit (μ) and 13-bit (A) uniform PCM (G.711 §3.6, Tables 1 and 2);
 * 16-bit samples are scaled by dropping the 2 (μ) or 3 (A) low bits. A negative sample is taken
 * as its one's complement ({@code ~x = -x - 1}), which maps -32768..-1 onto 32767..0 so that both
 * signs see the same decision values and every error stays within half an interval.
 */
public final class G711 {
    /** RTP clock rate and sample rate of both laws. */
    public static final int CLOCK_RATE = 8000;
    /** Static RTP payload type of PCMU (RFC 3551 Table 4). */
    public static final int PCMU_PAYLOAD_TYPE = 0;
    /** Static RTP payload type of PCMA (RFC 3551 Table 4). */
    public static final int PCMA_PAYLOAD_TYPE = 8;

    /** μ-law: the 14-bit magnitude is biased by 33 so that segment s starts at 32 << s (G.711 Table 2). */
    private static final int MU_BIAS = 33;
    /** μ-law: the largest biased magnitude that still fits segment 7; beyond it the encoder saturates. */
    private static final int MU_MAX_BIASED = 0x1FFF;
    /** A-law: the even bits of the code word are inverted on the line (G.711 Table 1, note). */
    private static final int A_LAW_EVEN_BITS = 0x55;

    private static final short[] MU_LAW_DECODED = new short[256];
    private static final short[] A_LAW_DECODED = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            MU_LAW_DECODED[code] = computeMuLawDecoded(code);
            A_LAW_DECODED[code] = computeALawDecoded(code);
        }
    }

    private G711() {
    }

    /** A PCMU encoder: any input rate and channel count, downmixed and resampled to 8000 Hz mono. */
    public static AudioEncoder pcmuEncoder() {
        return new G711Encoder(G711Law.PCMU);
    }

    /** A PCMA encoder: any input rate and channel count, downmixed and resampled to 8000 Hz mono. */
    public static AudioEncoder pcmaEncoder() {
        return new G711Encoder(G711Law.PCMA);
    }

    /** A PCMU decoder: 8000 Hz mono frames, one sample per payload byte; never throws on content. */
    public static AudioDecoder pcmuDecoder() {
        return new G711Decoder(G711Law.PCMU);
    }

    /** A PCMA decoder: 8000 Hz mono frames, one sample per payload byte; never throws on content. */
    public static AudioDecoder pcmaDecoder() {
        return new G711Decoder(G711Law.PCMA);
    }

    /** The μ-law code word (as sent) of a 16-bit sample; beyond ±32635 it saturates (G.711 overload). */
    public static byte encodeMuLaw(short sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude14 = (sample < 0 ? ~sample : sample) >> 2;
        int biased = Math.min(magnitude14 + MU_BIAS, MU_MAX_BIASED);
        // biased lies in [32 << segment, 64 << segment): its top bit is bit 5 + segment.
        int segment = (31 - Integer.numberOfLeadingZeros(biased)) - 5;
        int interval = (biased >> (segment + 1)) & 0x0F;
        return (byte) ~(sign | segment << 4 | interval);
    }

    /** The 16-bit sample that a μ-law code word (as received) stands for. */
    public static short decodeMuLaw(byte code) {
        return MU_LAW_DECODED[code & 0xFF];
    }

    /** The A-law code word (as sent) of a 16-bit sample. */
    public static byte encodeALaw(short sample) {
        int sign = sample < 0 ? 0 : 0x80; // A-law marks positive values with the sign bit
        int magnitude12 = (sample < 0 ? ~sample : sample) >> 3;
        int segment;
        int interval;
        if (magnitude12 < 32) {
            // Segment 0 has the step of segment 1 (2), not half of it: the law's two collinear chords.
            segment = 0;
            interval = magnitude12 >> 1;
        } else {
            // magnitude12 lies in [16 << segment, 32 << segment): its top bit is bit 4 + segment.
            segment = (31 - Integer.numberOfLeadingZeros(magnitude12)) - 4;
            interval = (magnitude12 >> segment) & 0x0F;
        }
        return (byte) ((sign | segment << 4 | interval) ^ A_LAW_EVEN_BITS);
    }

    /** The 16-bit sample that an A-law code word (as received) stands for. */
    public static short decodeALaw(byte code) {
        return A_LAW_DECODED[code & 0xFF];
    }

    private static short computeMuLawDecoded(int code) {
        int word = ~code & 0xFF;
        int segment = (word >> 4) & 0x07;
        int interval = word & 0x0F;
        // Middle of the interval [(32 + 2i) << s, (34 + 2i) << s) of biased magnitudes, unbiased.
        int magnitude14 = ((2 * interval + MU_BIAS) << segment) - MU_BIAS;
        int sample = magnitude14 << 2;
        return (short) ((word & 0x80) != 0 ? -sample : sample);
    }

    private static short computeALawDecoded(int code) {
        int word = (code ^ A_LAW_EVEN_BITS) & 0xFF;
        int segment = (word >> 4) & 0x07;
        int interval = word & 0x0F;
        // Middle of the interval: [2i, 2i + 2) in segment 0, [(16 + i) << s, (17 + i) << s) above.
        int magnitude12 = segment == 0 ? 2 * interval + 1 : (2 * interval + 33) << (segment - 1);
        int sample = magnitude12 << 3;
        return (short) ((word & 0x80) != 0 ? sample : -sample);
    }
}
