package dev.parley.rtc.media;

import dev.parley.rtc.codec.EncodedVideoFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 access units into RTP payloads in packetization mode 1 (RFC 6184 §6.3): the Annex B
 * stream is split into NAL units; runs of small ones (SPS, PPS, SEI before an IDR) share a
 * STAP-A (§5.7.1), a NAL unit larger than a payload is cut into FU-A fragments (§5.8) of nearly
 * equal size, and any other goes alone as a single NAL unit packet (§5.6).
 */
public final class H264Packetizer implements VideoPacketizer {
    private static final int STAP_A_HEADER = 1;
    private static final int STAP_A_SIZE_FIELD = 2;
    private static final int FU_A_HEADER = 2;

    private final int maxPayloadSize;

    public H264Packetizer(int maxPayloadSize) {
        if (maxPayloadSize <= FU_A_HEADER + 1) {
            throw new IllegalArgumentException("maxPayloadSize too small: " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public List<byte[]> packetize(EncodedVideoFrame frame) {
        byte[] stream = frame.data();
        List<int[]> units = AnnexB.split(stream);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no NAL unit in the access unit (no Annex B start code)");
        }
        List<byte[]> payloads = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            int aggregated = aggregatable(units, i);
            if (aggregated >= 2) {
                payloads.add(stapA(stream, units.subList(i, i + aggregated)));
                i += aggregated;
            } else {
                int[] unit = units.get(i++);
                if (unit[1] <= maxPayloadSize) {
                    byte[] single = new byte[unit[1]];
                    System.arraycopy(stream, unit[0], single, 0, unit[1]);
                    payloads.add(single);
                } else {
                    fragment(stream, unit[0], unit[1], payloads);
                }
            }
        }
        return payloads;
    }

    /** How many NAL units from {@code first} fit one STAP-A. */
    private int aggregatable(List<int[]> units, int first) {
        int size = STAP_A_HEADER;
        int count = 0;
        for (int i = first; i < units.size(); i++) {
            size += STAP_A_SIZE_FIELD + units.get(i)[1];
            if (size > maxPayloadSize) {
                break;
            }
            count++;
        }
        return count;
    }

    private static byte[] stapA(byte[] stream, List<int[]> units) {
        int size = STAP_A_HEADER;
        int forbidden = 0;
        int nri = 0;
        for (int[] u : units) {
            size += STAP_A_SIZE_FIELD + u[1];
            forbidden |= stream[u[0]] & 0x80; // RFC 6184 §5.7: F is set if any unit's is,
            nri = Math.max(nri, stream[u[0]] & 0x60); // NRI is the largest of the units'
        }
        byte[] payload = new byte[size];
        payload[0] = (byte) (forbidden | nri | H264Nal.STAP_A);
        int at = STAP_A_HEADER;
        for (int[] u : units) {
            payload[at++] = (byte) (u[1] >>> 8);
            payload[at++] = (byte) u[1];
            System.arraycopy(stream, u[0], payload, at, u[1]);
            at += u[1];
        }
        return payload;
    }

    /** RFC 6184 §5.8: the NAL header goes into the FU indicator (F, NRI) and FU header (type). */
    private void fragment(byte[] stream, int offset, int length, List<byte[]> payloads) {
        int header = stream[offset] & 0xFF;
        int body = length - 1;
        int room = maxPayloadSize - FU_A_HEADER;
        int count = (body + room - 1) / room;
        int at = offset + 1;
        int left = body;
        for (int i = 0; i < count; i++) {
            int size = left / (count - i) + (i < left % (count - i) ? 1 : 0);
            byte[] payload = new byte[FU_A_HEADER + size];
            payload[0] = (byte) (H264Nal.forbiddenAndNri(header) | H264Nal.FU_A);
            payload[1] = (byte) ((i == 0 ? 0x80 : 0) | (i == count - 1 ? 0x40 : 0) | H264Nal.type(header));
            System.arraycopy(stream, at, payload, FU_A_HEADER, size);
            payloads.add(payload);
            at += size;
            left -= size;
        }
    }
}
