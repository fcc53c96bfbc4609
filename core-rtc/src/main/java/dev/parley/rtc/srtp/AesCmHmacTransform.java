package dev.parley.rtc.srtp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 counter mode (RFC 3711 §4.1.1) with HMAC-SHA1 authentication (§4.2.1), for the
 * {@code AES128_CM_HMAC_SHA1_*} profiles.
 *
 * <pre>
 *   SRTP  = header | AES-CM(payload)            | tag(header | ciphertext | ROC)
 *   SRTCP = first 8 | AES-CM(rest) | E|index(4) | tag(everything before it)      (§3.4)
 * </pre>
 *
 * AES-CM is the JDK's {@code AES/CTR} with the SRTP IV as its first counter block: both define the
 * keystream as E(k, IV) || E(k, IV + 1 mod 2^128) || ... (§4.1.1), and the JIT runs it on AES-NI. HMAC-SHA1
 * over the ~1200 bytes of a packet (SHA-1 alone ~670 ns here) dominates the cost.
 */
final class AesCmHmacTransform extends PacketTransform {
    private final Cipher rtpCipher;
    private final Cipher rtcpCipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final HmacSha1 rtpMac;
    private final HmacSha1 rtcpMac;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final int rtpTag;
    private final int rtcpTag;

    // Scratch, reused per packet: IV, full HMAC output, ROC, and the two tags compared.
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[HmacSha1.LENGTH];
    private final byte[] roc = new byte[4];
    private final byte[] rtpExpected;
    private final byte[] rtpReceived;
    private final byte[] rtcpExpected;
    private final byte[] rtcpReceived;

    AesCmHmacTransform(SrtpProfile profile, SessionKeys keys) {
        super(profile);
        try {
            rtpCipher = Cipher.getInstance("AES/CTR/NoPadding");
            rtcpCipher = Cipher.getInstance("AES/CTR/NoPadding");
            rtpKey = new SecretKeySpec(keys.rtpKey, "AES");
            rtcpKey = new SecretKeySpec(keys.rtcpKey, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks AES/CTR", e);
        }
        rtpMac = new HmacSha1(keys.rtpAuthKey);
        rtcpMac = new HmacSha1(keys.rtcpAuthKey);
        rtpSalt = keys.rtpSalt.clone();
        rtcpSalt = keys.rtcpSalt.clone();
        rtpTag = profile.rtpTagLength();
        rtcpTag = profile.rtcpTagLength();
        rtpExpected = new byte[rtpTag];
        rtpReceived = new byte[rtpTag];
        rtcpExpected = new byte[rtcpTag];
        rtcpReceived = new byte[rtcpTag];
    }

    /**
     * IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16) (RFC 3711 §4.1.1), where i is the 48-bit
     * packet index {@code high << 16 | low} for SRTP, or the 31-bit SRTCP index ({@code high} its top
     * 16 bits) for SRTCP.
     */
    private void setIv(byte[] salt, int ssrc, int high, int low16) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        iv[8] ^= (byte) (high >>> 24);
        iv[9] ^= (byte) (high >>> 16);
        iv[10] ^= (byte) (high >>> 8);
        iv[11] ^= (byte) high;
        iv[12] ^= (byte) (low16 >>> 8);
        iv[13] ^= (byte) low16;
    }

    private void crypt(Cipher cipher, SecretKeySpec key, byte[] in, int inOff, int n, byte[] out, int outOff)
            throws GeneralSecurityException {
        // Counter mode is its own inverse, so encryption mode serves both ways.
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        if (n > 0) {
            cipher.doFinal(in, inOff, n, out, outOff);
        }
    }

    @Override
    void protectRtp(byte[] in, int off, int len, int headerLength, int ssrc, int rolloverCounter, int seq, byte[] out,
            int outOff) {
        try {
            setIv(rtpSalt, ssrc, rolloverCounter, seq);
            crypt(rtpCipher, rtpKey, in, off + headerLength, len - headerLength, out, outOff + headerLength);
            System.arraycopy(in, off, out, outOff, headerLength);
            rtpMac.update(out, outOff, len);
            putInt(roc, 0, rolloverCounter);
            rtpMac.update(roc, 0, 4);
            rtpMac.doFinal(mac, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CM/HMAC failed", e);
        }
        System.arraycopy(mac, 0, out, outOff + len, rtpTag);
    }

    @Override
    boolean unprotectRtp(byte[] in, int off, int len, int headerLength, int ssrc, int rolloverCounter, int seq,
            byte[] out, int outOff) {
        int authenticated = len - rtpTag;
        try {
            // Authenticate before decrypting (RFC 3711 §3.3 step 5 before step 6).
            rtpMac.update(in, off, authenticated);
            putInt(roc, 0, rolloverCounter);
            rtpMac.update(roc, 0, 4);
            rtpMac.doFinal(mac, 0);
            System.arraycopy(mac, 0, rtpExpected, 0, rtpTag);
            System.arraycopy(in, off + authenticated, rtpReceived, 0, rtpTag);
            if (!MessageDigest.isEqual(rtpExpected, rtpReceived)) {
                return false;
            }
            setIv(rtpSalt, ssrc, rolloverCounter, seq);
            crypt(rtpCipher, rtpKey, in, off + headerLength, authenticated - headerLength, out, outOff + headerLength);
            System.arraycopy(in, off, out, outOff, headerLength);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CM/HMAC failed", e);
        }
    }

    @Override
    byte[] protectRtcp(byte[] in, int off, int len, int ssrc, int index) {
        byte[] out = new byte[len + 4 + rtcpTag];
        System.arraycopy(in, off, out, 0, 8);
        try {
            setIv(rtcpSalt, ssrc, index >>> 16, index & 0xFFFF);
            crypt(rtcpCipher, rtcpKey, in, off + 8, len - 8, out, 8);
            putInt(out, len, 0x8000_0000 | index);
            rtcpMac.update(out, 0, len + 4);
            rtcpMac.doFinal(mac, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CM/HMAC failed", e);
        }
        System.arraycopy(mac, 0, out, len + 4, rtcpTag);
        return out;
    }

    @Override
    byte[] unprotectRtcp(byte[] in, int off, int len, int ssrc, int eAndIndex) {
        int authenticated = len - rtcpTag; // includes the E|index word (§3.4)
        int rtcpLength = authenticated - 4;
        try {
            rtcpMac.update(in, off, authenticated);
            rtcpMac.doFinal(mac, 0);
            System.arraycopy(mac, 0, rtcpExpected, 0, rtcpTag);
            System.arraycopy(in, off + authenticated, rtcpReceived, 0, rtcpTag);
            if (!MessageDigest.isEqual(rtcpExpected, rtcpReceived)) {
                return null;
            }
            byte[] out = new byte[rtcpLength];
            if (eAndIndex < 0) { // E set: the part after the first 8 bytes is encrypted
                System.arraycopy(in, off, out, 0, 8);
                int index = eAndIndex & 0x7FFF_FFFF;
                setIv(rtcpSalt, ssrc, index >>> 16, index & 0xFFFF);
                crypt(rtcpCipher, rtcpKey, in, off + 8, rtcpLength - 8, out, 8);
            } else {
                System.arraycopy(in, off, out, 0, rtcpLength);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CM/HMAC failed", e);
        }
    }
}
