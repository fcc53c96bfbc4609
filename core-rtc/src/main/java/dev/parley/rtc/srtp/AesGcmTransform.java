package dev.parley.rtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM (RFC 7714): the cipher both encrypts and authenticates.
 *
 * <pre>
 *   SRTP  = header | GCM(payload) incl. 16-byte tag;            AAD = header          (§8.2)
 *   SRTCP = first 8 | GCM(rest) incl. tag | E|index(4);          AAD = first 8 | E|index (§9.2)
 *   IV (12 bytes) = salt XOR (00 00 | SSRC | ROC | SEQ)          (§8.1)
 *   IV (SRTCP)    = salt XOR (00 00 | SSRC | 00 00 | 0|index)    (§9.1)
 * </pre>
 *
 * Unencrypted SRTCP (E = 0, §9.3) is accepted on receipt: the whole packet is AAD and the
 * "ciphertext" is just the tag. Parley always sends E = 1.
 *
 * <p>Why the JDK's {@code AES/GCM} despite its fixed cost of ~270 ns per {@code init} (a new GHASH
 * engine per IV): its GHASH runs on carry-less multiply instructions, ~240 ns for a 1200-byte
 * packet. Measured alternatives ({@code SrtpPrimitivesBenchmark}) were far slower: the JDK's
 * {@code AES/CTR} with a table-driven GHASH in Java ~4 µs per packet, BouncyCastle's GCM ~10 µs.
 */
final class AesGcmTransform extends PacketTransform {
    private static final int TAG = 16;

    private final Cipher rtpCipher;
    private final Cipher rtcpCipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[12];
    private final byte[] word = new byte[4];
    /**
     * Where RTP is decrypted before it goes to the caller's buffer: on a bad tag the JDK writes no
     * plaintext, but newer JDKs (25) zero their output, and a refused packet must leave the caller's
     * buffer (in place: the packet itself) untouched. Grows to the largest packet seen.
     */
    private byte[] plainScratch = new byte[1500];

    AesGcmTransform(SrtpProfile profile, SessionKeys keys) {
        super(profile);
        try {
            rtpCipher = Cipher.getInstance("AES/GCM/NoPadding");
            rtcpCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks AES/GCM", e);
        }
        rtpKey = new SecretKeySpec(keys.rtpKey, "AES");
        rtcpKey = new SecretKeySpec(keys.rtcpKey, "AES");
        rtpSalt = keys.rtpSalt.clone();
        rtcpSalt = keys.rtcpSalt.clone();
    }

    private void setIv(byte[] salt, int ssrc, int high, int low) {
        System.arraycopy(salt, 0, iv, 0, 12);
        iv[2] ^= (byte) (ssrc >>> 24);
        iv[3] ^= (byte) (ssrc >>> 16);
        iv[4] ^= (byte) (ssrc >>> 8);
        iv[5] ^= (byte) ssrc;
        iv[6] ^= (byte) (high >>> 24);
        iv[7] ^= (byte) (high >>> 16);
        iv[8] ^= (byte) (high >>> 8);
        iv[9] ^= (byte) high;
        iv[10] ^= (byte) (low >>> 8);
        iv[11] ^= (byte) low;
    }

    @Override
    void protectRtp(byte[] in, int off, int len, int headerLength, int ssrc, int roc, int seq, byte[] out,
            int outOff) {
        setIv(rtpSalt, ssrc, roc, seq);
        try {
            rtpCipher.init(Cipher.ENCRYPT_MODE, rtpKey, new GCMParameterSpec(TAG * 8, iv));
            rtpCipher.updateAAD(in, off, headerLength);
            rtpCipher.doFinal(in, off + headerLength, len - headerLength, out, outOff + headerLength);
        } catch (GeneralSecurityException e) {
            // The JDK refuses to encrypt twice in a row under one IV: the same packet index was sent twice.
            throw new IllegalStateException("AES-GCM protect failed (SRTP index reused?)", e);
        }
        System.arraycopy(in, off, out, outOff, headerLength);
    }

    @Override
    boolean unprotectRtp(byte[] in, int off, int len, int headerLength, int ssrc, int roc, int seq, byte[] out,
            int outOff) {
        int payload = len - headerLength - TAG; // >= 0: the receiver parsed the header within len - TAG
        if (plainScratch.length < payload) {
            plainScratch = new byte[payload];
        }
        setIv(rtpSalt, ssrc, roc, seq);
        try {
            rtpCipher.init(Cipher.DECRYPT_MODE, rtpKey, new GCMParameterSpec(TAG * 8, iv));
            rtpCipher.updateAAD(in, off, headerLength);
            rtpCipher.doFinal(in, off + headerLength, len - headerLength, plainScratch, 0);
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unprotect failed", e);
        }
        System.arraycopy(in, off, out, outOff, headerLength);
        System.arraycopy(plainScratch, 0, out, outOff + headerLength, payload);
        return true;
    }

    @Override
    byte[] protectRtcp(byte[] in, int off, int len, int ssrc, int index) {
        byte[] out = new byte[len + TAG + 4];
        System.arraycopy(in, off, out, 0, 8);
        int eAndIndex = 0x8000_0000 | index;
        setIv(rtcpSalt, ssrc, index >>> 16, index & 0xFFFF);
        putInt(word, 0, eAndIndex);
        try {
            rtcpCipher.init(Cipher.ENCRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG * 8, iv));
            rtcpCipher.updateAAD(in, off, 8);
            rtcpCipher.updateAAD(word);
            rtcpCipher.doFinal(in, off + 8, len - 8, out, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM protect failed (SRTCP index reused?)", e);
        }
        putInt(out, len + TAG, eAndIndex);
        return out;
    }

    @Override
    byte[] unprotectRtcp(byte[] in, int off, int len, int ssrc, int eAndIndex) {
        int body = len - 4; // the packet without the trailing E|index word
        int rtcpLength = body - TAG;
        int index = eAndIndex & 0x7FFF_FFFF;
        setIv(rtcpSalt, ssrc, index >>> 16, index & 0xFFFF);
        putInt(word, 0, eAndIndex);
        byte[] out = new byte[rtcpLength];
        try {
            rtcpCipher.init(Cipher.DECRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG * 8, iv));
            if (eAndIndex < 0) {
                rtcpCipher.updateAAD(in, off, 8);
                rtcpCipher.updateAAD(word);
                System.arraycopy(in, off, out, 0, 8);
                rtcpCipher.doFinal(in, off + 8, body - 8, out, 8);
            } else {
                rtcpCipher.updateAAD(in, off, rtcpLength);
                rtcpCipher.updateAAD(word);
                rtcpCipher.doFinal(in, off + rtcpLength, TAG, out, rtcpLength);
                System.arraycopy(in, off, out, 0, rtcpLength);
            }
            return out;
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unprotect failed", e);
        }
    }
}
