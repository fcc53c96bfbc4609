package dev.parley.rtc.media;

import java.util.ArrayList;
import java.util.List;

/**
 * H.264 byte streams (ITU-T H.264 Annex B): NAL units each behind a start code
 * {@code 00 00 01} (or {@code 00 00 00 01}). Encoders write access units this way; RTP carries the
 * bare NAL units (RFC 6184 §1.3), so the packetizer splits and the depacketizer joins.
 */
final class AnnexB {
    static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {}

    /** The NAL units of an Annex B access unit, as [offset, length] pairs; bytes before the first start code are ignored. */
    static List<int[]> split(byte[] stream) {
        List<int[]> units = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    units.add(new int[] {start, trimZeros(stream, start, i) - start});
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            units.add(new int[] {start, stream.length - start});
        }
        units.removeIf(u -> u[1] <= 0);
        return units;
    }

    /** End of a NAL unit before the next start code: the zero of a 4-byte start code (and trailing zeros) is not part of it. */
    private static int trimZeros(byte[] stream, int start, int end) {
        while (end > start && stream[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
