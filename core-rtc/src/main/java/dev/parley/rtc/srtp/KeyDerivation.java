package dev.parley.rtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with the AES-CM PRF (§4.3.3) and a key
 * derivation rate of 0, which is what DTLS-SRTP uses: each session key is derived once.
 *
 * <pre>
 *   key_id = label || (index DIV kdr)        -- 0 here, since kdr = 0
 *   x      = key_id XOR master_salt          -- label lands on byte 7 of the 14-byte salt
 *   out    = AES-CM keystream under master_key with IV = x * 2^16, first n bytes
 * </pre>
 *
 * GCM's 12-byte master salt (RFC 7714 §11) is used left-aligned in the same 14-byte field, the
 * two low bytes zero, as libsrtp and pion do.
 */
final class KeyDerivation {
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTHENTICATION = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTHENTICATION = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    private KeyDerivation() {}

    /** {@code length} bytes of session key material for {@code label} (RFC 3711 §4.3.1). */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > 14) {
            throw new IllegalArgumentException("master salt longer than 112 bits");
        }
        int blocks = (length + 15) / 16;
        byte[] counters = new byte[blocks * 16];
        for (int b = 0; b < blocks; b++) {
            int at = b * 16;
            System.arraycopy(masterSalt, 0, counters, at, masterSalt.length);
            counters[at + 7] ^= (byte) label;
            // Bytes 14 and 15 are the block counter of AES-CM (RFC 3711 §4.1.1).
            counters[at + 14] = (byte) (b >>> 8);
            counters[at + 15] = (byte) b;
        }
        try {
            // Counter mode by hand: the keystream is the ECB encryption of the counter blocks.
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] stream = ecb.doFinal(counters);
            byte[] out = new byte[length];
            System.arraycopy(stream, 0, out, 0, length);
            java.util.Arrays.fill(stream, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB unavailable", e);
        }
    }
}
