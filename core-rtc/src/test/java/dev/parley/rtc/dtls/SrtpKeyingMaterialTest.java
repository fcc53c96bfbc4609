package dev.parley.rtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.srtp.DtlsSrtpKeys;
import dev.parley.rtc.srtp.SrtpProfile;
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

    @Test
    void eachRoleSendsWithItsOwnHalfOfTheExportedMaterial() {
        SrtpKeyingMaterial m = new SrtpKeyingMaterial(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, counting(60));
        DtlsSrtpKeys client = m.keysFor(DtlsRole.CLIENT);
        DtlsSrtpKeys server = m.keysFor(DtlsRole.SERVER);
        // RFC 5764 §4.2: client_write_key | server_write_key | client_write_salt | server_write_salt
        assertEquals(0, client.local().key()[0]);
        assertEquals(16, server.local().key()[0]);
        assertEquals(32, client.local().salt()[0]);
        assertArrayEquals(client.local().key(), server.remote().key());
        assertArrayEquals(server.local().salt(), client.remote().salt());
    }

    @Test
    void materialOfTheWrongLengthIsRefusedAndNeverPrinted() {
        assertThrows(IllegalArgumentException.class,
                () -> new SrtpKeyingMaterial(SrtpProfile.SRTP_AEAD_AES_128_GCM, counting(60)));
        SrtpKeyingMaterial m = new SrtpKeyingMaterial(SrtpProfile.SRTP_AEAD_AES_128_GCM, counting(56));
        assertFalse(m.toString().contains("1, 2, 3"), m.toString());
        assertEquals(m, new SrtpKeyingMaterial(SrtpProfile.SRTP_AEAD_AES_128_GCM, counting(56)));
    }

    @Test
    void theServerPicksOurPreferenceAmongWhatTheClientOffers() {
        assertEquals(Optional.of(SrtpProfile.SRTP_AEAD_AES_128_GCM),
                WebRtcDtlsPolicy.chooseSrtpProfile(new int[] {1, 8, 7}), "Chromium's offer");
        assertEquals(Optional.of(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80), WebRtcDtlsPolicy.chooseSrtpProfile(new int[] {2, 1}));
        assertEquals(Optional.empty(), WebRtcDtlsPolicy.chooseSrtpProfile(new int[] {2, 8}));
        assertEquals(Optional.empty(), WebRtcDtlsPolicy.chooseSrtpProfile(new int[0]));
        assertArrayEquals(new int[] {7, 1}, WebRtcDtlsPolicy.preferredSrtpIds());
    }
}
