package dev.parley.rtc.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes into every unprotect path (SRTP and SRTCP, AES-CM and GCM, fresh and with
 * state): each call returns or throws {@link SrtpException}, never anything else (no
 * IndexOutOfBounds, no JCE exceptions escaping). The receivers are keyed like the seeds in
 * {@code SrtpUnprotectFuzzTestInputs}, which were protected by {@link #seedSender}, so mutations
 * of the seeds reach past authentication into the ROC and replay logic.
 */
class SrtpUnprotectFuzzTest {
    private static final SrtpSession CM = receiver(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
    private static final SrtpSession GCM = receiver(SrtpProfile.SRTP_AEAD_AES_128_GCM);

    @FuzzTest
    void unprotectReturnsOrThrowsSrtpException(byte[] data) {
        for (SrtpSession session : new SrtpSession[] {CM, GCM, receiver(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32)}) {
            try {
                session.unprotectRtp(data);
            } catch (SrtpException expected) {
                // dropped and counted: fine
            }
            try {
                session.unprotectRtcp(data);
            } catch (SrtpException expected) {
                // dropped and counted: fine
            }
        }
    }

    /** The session that protected the seed files; its peer is {@link #receiver}. */
    static SrtpSession seedSender(SrtpProfile profile) {
        return DtlsSrtpKeys.split(material(profile), profile, true).newSession();
    }

    static SrtpSession receiver(SrtpProfile profile) {
        return DtlsSrtpKeys.split(material(profile), profile, false).newSession();
    }

    private static byte[] material(SrtpProfile profile) {
        byte[] m = new byte[profile.exportedKeyingMaterialLength()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i * 7 + 1);
        }
        return m;
    }
}
