package dev.parley.rtc.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The fuzz seeds are real protected packets: each one unprotects under the fuzz test's receiver
 * (so the corpus starts past authentication), and regenerating them gives the same bytes.
 * Set {@code -Dsrtp.writeSeeds=DIR} to write them afresh.
 */
class SrtpFuzzSeedsTest {
    private static final String DIR = "SrtpUnprotectFuzzTestInputs/unprotectReturnsOrThrowsSrtpException/";

    static byte[][] seeds() throws SrtpException {
        SrtpSession cm = SrtpUnprotectFuzzTest.seedSender(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        SrtpSession gcm = SrtpUnprotectFuzzTest.seedSender(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        return new byte[][] {
            cm.protectRtp(SrtpSessionTest.rtp(1000, 0x11223344, 40)),
            cm.protectRtp(SrtpSessionTest.rtpWithCsrcsAndExtension(1001)),
            cm.protectRtcp(SrtpSessionTest.compoundRtcp()),
            gcm.protectRtp(SrtpSessionTest.rtp(1000, 0x11223344, 40)),
            gcm.protectRtcp(SrtpSessionTest.compoundRtcp()),
        };
    }

    static final String[] NAMES = {"cm-rtp", "cm-rtp-csrc-ext", "cm-rtcp", "gcm-rtp", "gcm-rtcp"};

    @Test
    void seedsAreTheProtectedPacketsAndUnprotect() throws Exception {
        byte[][] seeds = seeds();
        String out = System.getProperty("srtp.writeSeeds");
        if (out != null) {
            for (int i = 0; i < seeds.length; i++) {
                java.nio.file.Files.write(java.nio.file.Path.of(out, NAMES[i]), seeds[i]);
            }
        }
        for (int i = 0; i < seeds.length; i++) {
            try (InputStream in = getClass().getResourceAsStream(DIR + NAMES[i])) {
                assertTrue(in != null, "missing seed " + NAMES[i]);
                assertArrayEquals(seeds[i], in.readAllBytes(), NAMES[i]);
            }
        }
        SrtpSession cm = SrtpUnprotectFuzzTest.receiver(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        SrtpSession gcm = SrtpUnprotectFuzzTest.receiver(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        cm.unprotectRtp(seeds[0]);
        cm.unprotectRtp(seeds[1]);
        cm.unprotectRtcp(seeds[2]);
        gcm.unprotectRtp(seeds[3]);
        gcm.unprotectRtcp(seeds[4]);
    }

}
