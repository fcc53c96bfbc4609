package dev.parley.rtc.dtls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DtlsRecordScreenTest {

    private static byte[] record(int type, int epoch, long seq, int bodyLength) {
        byte[] r = new byte[13 + bodyLength];
        r[0] = (byte) type;
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[3] = (byte) (epoch >> 8);
        r[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            r[5 + i] = (byte) (seq >> (8 * (5 - i)));
        }
        r[11] = (byte) (bodyLength >> 8);
        r[12] = (byte) bodyLength;
        return r;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void acceptsOrdinaryRecords() {
        assertTrue(DtlsRecordScreen.plausible(record(22, 0, 0, 100)));
        assertTrue(DtlsRecordScreen.plausible(record(22, 0, DtlsRecordScreen.MAX_EPOCH0_SEQUENCE, 100)));
        assertTrue(DtlsRecordScreen.plausible(record(23, 1, 1L << 40, 10)), "later epochs are authenticated by MAC");
        assertTrue(DtlsRecordScreen.plausible(concat(record(22, 0, 3, 20), record(20, 0, 4, 1))));
    }

    @Test
    void rejectsNonDtlsAndReplayWindowPoison() {
        assertFalse(DtlsRecordScreen.plausible(new byte[0]));
        assertFalse(DtlsRecordScreen.plausible(new byte[12]));
        assertFalse(DtlsRecordScreen.plausible(record(64, 0, 0, 10)), "TURN ChannelData range");
        assertFalse(DtlsRecordScreen.plausible(record(19, 0, 0, 10)), "ZRTP range");
        assertFalse(DtlsRecordScreen.plausible(record(22, 0, DtlsRecordScreen.MAX_EPOCH0_SEQUENCE + 1, 10)));
        assertFalse(DtlsRecordScreen.plausible(concat(record(22, 0, 1, 20), record(21, 0, 1L << 47, 2))),
                "a poisoned second record in the datagram");
    }

    @Test
    void truncatedLengthsDoNotThrow() {
        byte[] r = record(22, 0, 0, 10);
        r[11] = (byte) 0xFF; // claims 65 KB
        assertTrue(DtlsRecordScreen.plausible(r));
        assertTrue(DtlsRecordScreen.plausible(java.util.Arrays.copyOf(concat(record(22, 0, 0, 0), record(22, 0, 1, 5)), 20)));
    }
}
