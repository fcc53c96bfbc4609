package dev.parley.rtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SrtpKeyingMaterialTest {

    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] range(int from, int to) {
        return java.util.Arrays.copyOfRange(counting(to), from, to);
    }

    /** RFC 5764 §4.2: client_write_key | server_write_key | client_write_salt | server_write_salt. */
    @Test
    void exporterOutputIsCutInRfc5764Order() {
        SrtpKeyingMaterial m = SrtpKeyingMaterial.fromExporter(SrtpProfile.AES128_CM_HMAC_SHA1_80, counting(60));
        assertArrayEquals(range(0, 16), m.clientWriteKey());
        assertArrayEquals(range(16, 32), m.serverWriteKey());
        assertArrayEquals(range(32, 46), m.clientWriteSalt());
        assertArrayEquals(range(46, 60), m.serverWriteSalt());
        assertArrayEquals(m.clientWriteKey(), m.writeKey(DtlsRole.CLIENT));
        assertArrayEquals(m.serverWriteSalt(), m.writeSalt(DtlsRole.SERVER));
        assertEquals(1, m.profileId());

        SrtpKeyingMaterial gcm = SrtpKeyingMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, counting(56));
        assertArrayEquals(range(32, 44), gcm.clientWriteSalt());
        assertArrayEquals(range(44, 56), gcm.serverWriteSalt());
        assertEquals(7, gcm.profileId());
        assertThrows(IllegalArgumentException.class,
                () -> SrtpKeyingMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, counting(60)));
    }

    @Test
    void immutableAndSilentInToString() {
        SrtpKeyingMaterial m = SrtpKeyingMaterial.fromExporter(SrtpProfile.AES128_CM_HMAC_SHA1_80, counting(60));
        m.clientWriteKey()[0] = 99;
        assertEquals(0, m.clientWriteKey()[0]);
        String s = m.toString();
        assertTrue(s.contains("AES128_CM_HMAC_SHA1_80"), s);
        assertFalse(s.contains(HexFormat.of().formatHex(range(16, 24))), s);
        assertFalse(s.contains("[0, 1"), s);
    }

    @Test
    void serverChoosesOurPreferenceAmongTheClientsProfiles() {
        assertEquals(Optional.of(SrtpProfile.AEAD_AES_128_GCM), SrtpProfile.choose(new int[] {1, 8, 7}), "Chromium's offer");
        assertEquals(Optional.of(SrtpProfile.AES128_CM_HMAC_SHA1_80), SrtpProfile.choose(new int[] {2, 1}));
        assertEquals(Optional.empty(), SrtpProfile.choose(new int[] {2, 8}));
        assertEquals(Optional.empty(), SrtpProfile.choose(new int[0]));
    }
}
