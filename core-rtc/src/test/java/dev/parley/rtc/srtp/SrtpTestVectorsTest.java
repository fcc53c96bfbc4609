package dev.parley.rtc.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Published test vectors, byte for byte.
 *
 * <ul>
 *   <li>RFC 3711 Appendix B.2 (AES-CM keystream) and B.3 (key derivation):
 *       https://www.rfc-editor.org/rfc/rfc3711#appendix-B</li>
 *   <li>libsrtp's reference packet ({@code test/srtp_driver.c}, {@code srtp_validate}): the B.3 master
 *       key protecting one RTP and one RTCP packet with AES_CM_128_HMAC_SHA1_80.</li>
 *   <li>RFC 7714 §16.1 (SRTP) and §17.1 (SRTCP) for AEAD_AES_128_GCM, on session keys given directly:
 *       https://www.rfc-editor.org/rfc/rfc7714#section-16</li>
 * </ul>
 */
class SrtpTestVectorsTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    // RFC 3711 B.3
    private static final byte[] MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void rfc3711B3_keyDerivation() {
        assertArrayEquals(hex("C61E7A93744F39EE10734AFE3FF7A087"),
                KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_ENCRYPTION, 16));
        assertArrayEquals(hex("30CBBC08863D8C85D49DB34A9AE1"),
                KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_SALT, 14));
        // The RFC lists 94 bytes of auth key output; HMAC-SHA1 uses the first 20.
        assertArrayEquals(hex("CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        + "E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25"
                        + "6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2"),
                KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_AUTHENTICATION, 94));
    }

    @Test
    void rfc3711B2_aesCmKeystream() {
        // Session key and salt given directly; SSRC, ROC and SEQ zero, so the IV is the shifted salt
        // and a zero payload encrypts to the keystream. The segment is 65282 blocks (1044512 bytes).
        byte[] key = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] salt = hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");
        SessionKeys keys = SessionKeys.of(key, new byte[20], salt, key, new byte[20], salt);
        AesCmHmacTransform cm = new AesCmHmacTransform(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, keys);
        int segment = 1044512;
        byte[] rtp = new byte[12 + segment];
        rtp[0] = (byte) 0x80;
        byte[] out = new byte[rtp.length + 10];
        cm.protectRtp(rtp, 0, rtp.length, 12, 0, 0, 0, out, 0);
        byte[] stream = Arrays.copyOfRange(out, 12, 12 + segment);
        assertArrayEquals(hex("E03EAD0935C95E80E166B16DD92B4EB4 D23513162B02D0F72A43A2FE4A5F97AB"
                + "41E95B3BB0A2E8DD477901E4FCA894C0"), Arrays.copyOfRange(stream, 0, 48));
        assertArrayEquals(hex("EC8CDF7398607CB0F2D21675EA9EA1E4 362B7C3C6773516318A077D7FC5073AE"
                + "6A2CC3787889374FBEB4C81B17BA6C44"), Arrays.copyOfRange(stream, segment - 48, segment));
    }

    private static final byte[] LIBSRTP_RTP = hex("800f1234decafbadcafebabe abababababababababababababababab");
    private static final byte[] LIBSRTP_SRTP = hex(
            "800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb");
    private static final byte[] LIBSRTP_RTCP = hex("81c8000bcafebabe abababababababababababababababab");
    private static final byte[] LIBSRTP_SRTCP = hex(
            "81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001 993e08cd54d6c1230798");

    @Test
    void libsrtpReferencePacket_aesCmHmacSha1_80() throws SrtpException {
        SrtpMasterKey master = new SrtpMasterKey(MASTER_KEY, MASTER_SALT);
        SrtpSession session = new SrtpSession(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, master, master);
        assertArrayEquals(LIBSRTP_SRTP, session.protectRtp(LIBSRTP_RTP));
        assertArrayEquals(LIBSRTP_RTP, session.unprotectRtp(LIBSRTP_SRTP));
        // libsrtp numbers its first SRTCP packet 1; ours starts at 0, so drive the transform directly.
        SessionKeys keys = SessionKeys.derive(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, master);
        byte[] srtcp = new AesCmHmacTransform(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, keys)
                .protectRtcp(LIBSRTP_RTCP, 0, LIBSRTP_RTCP.length, 0xcafebabe, 1);
        assertArrayEquals(LIBSRTP_SRTCP, srtcp);
        assertArrayEquals(LIBSRTP_RTCP, session.unprotectRtcp(LIBSRTP_SRTCP));
    }

    // RFC 7714 §16 / §17: key and salt are the session key and salt (no KDF).
    private static final byte[] GCM_KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] GCM_SALT = hex("517569642070726f2071756f");
    private static final byte[] GCM_RTP = hex("8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973"
            + "20646976 69736120 696e2070 61727465 73207472 6573");
    private static final byte[] GCM_SRTP = hex("8040f17b 8041f8d3 5501a0b2"
            + "f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf 8833"
            + "899d7f27 beb16a91 52cf765e e4390cce");
    private static final byte[] GCM_RTCP = hex("81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930"
            + "4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef");
    private static final byte[] GCM_SRTCP = hex("81c8000d 4d617273"
            + "63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded"
            + "0bb9275b c84aa458 96cf4d2f c5abf872 45d9eade 800005d4");

    private static SessionKeys gcmKeys() {
        return SessionKeys.of(GCM_KEY, new byte[0], GCM_SALT, GCM_KEY, new byte[0], GCM_SALT);
    }

    @Test
    void rfc7714Section16_srtpGcm() throws SrtpException {
        SrtpSession session = new SrtpSession(SrtpProfile.SRTP_AEAD_AES_128_GCM, gcmKeys(), gcmKeys());
        assertArrayEquals(GCM_SRTP, session.protectRtp(GCM_RTP));
        assertArrayEquals(GCM_RTP, session.unprotectRtp(GCM_SRTP));
    }

    @Test
    void rfc7714Section17_srtcpGcm() throws SrtpException {
        byte[] srtcp = new AesGcmTransform(SrtpProfile.SRTP_AEAD_AES_128_GCM, gcmKeys())
                .protectRtcp(GCM_RTCP, 0, GCM_RTCP.length, 0x4d617273, 0x5d4);
        assertArrayEquals(GCM_SRTCP, srtcp);
        SrtpSession session = new SrtpSession(SrtpProfile.SRTP_AEAD_AES_128_GCM, gcmKeys(), gcmKeys());
        assertArrayEquals(GCM_RTCP, session.unprotectRtcp(GCM_SRTCP));
        assertEquals(0, session.authFailures());
    }
}
