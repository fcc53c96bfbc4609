package dev.parley.rtc.bench;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floors under {@link SrtpBenchmark}: what one call of each JDK primitive costs on the sizes a
 * 1200-byte RTP packet gives (1188 bytes of payload, 1204 bytes under the SRTP tag with the ROC),
 * and the alternatives issue #4 weighed. Each figure is one call; a protect+unprotect round trip
 * needs two of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpPrimitivesBenchmark {
    static final int PAYLOAD = 1188;
    static final int AUTHENTICATED = 1204;
    private static final byte[] ZERO_IV = new byte[12];

    private final byte[] data = new byte[AUTHENTICATED];
    private final byte[] out = new byte[12 + PAYLOAD + 16];
    private final byte[] digest = new byte[20];
    private final byte[] iv16 = new byte[16];
    private final byte[] iv12 = new byte[12];
    private final byte[] counters = new byte[(PAYLOAD + 15) / 16 * 16];
    private final byte[] keystream = new byte[counters.length];
    private SecretKeySpec aesKey;
    private MessageDigest sha1;
    private Mac hmac;
    private MessageDigest innerPrefix;
    private MessageDigest outerPrefix;
    private Cipher ctr;
    private Cipher ecb;
    private Cipher gcm;
    private byte[] gcmCiphertext;
    private GCMBlockCipher bcGcm;
    private final PureJavaSha1 javaSha1 = new PureJavaSha1();
    private PureJavaGhash javaGhash;
    private final byte[] j0 = new byte[16];
    private final byte[] ekj0 = new byte[16];
    private int counter;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Random random = new Random(3);
        random.nextBytes(data);
        byte[] key = new byte[16];
        random.nextBytes(key);
        byte[] authKey = new byte[20];
        random.nextBytes(authKey);
        aesKey = new SecretKeySpec(key, "AES");
        sha1 = MessageDigest.getInstance("SHA-1");
        hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        // RFC 2104: H(K ^ opad, H(K ^ ipad, text)); the two key blocks hashed once, here.
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte k = i < authKey.length ? authKey[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        innerPrefix = MessageDigest.getInstance("SHA-1");
        innerPrefix.update(ipad);
        outerPrefix = MessageDigest.getInstance("SHA-1");
        outerPrefix.update(opad);
        ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, aesKey);
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv12));
        gcm.updateAAD(data, 0, 12);
        gcmCiphertext = gcm.doFinal(data, 12, PAYLOAD);
        bcGcm = new GCMBlockCipher(new AESEngine());
        bcGcm.init(true, new AEADParameters(new KeyParameter(key), 128, iv12.clone()));
        javaGhash = new PureJavaGhash(ecb.doFinal(new byte[16])); // H = E_K(0^128)
        selfCheck();
    }

    /** The measured stand-ins must compute what the JDK computes, or their timings mean nothing. */
    private void selfCheck() throws GeneralSecurityException {
        byte[] expected = sha1.digest(java.util.Arrays.copyOf(data, AUTHENTICATED));
        javaSha1.digest(data, 0, AUTHENTICATED, digest);
        if (!java.util.Arrays.equals(expected, digest)) {
            throw new IllegalStateException("PureJavaSha1 disagrees with the JDK");
        }
        // setUp's gcmCiphertext was made under the all-zero IV that iv12 still holds.
        ctrWithJavaGhash();
        if (!java.util.Arrays.equals(gcmCiphertext, java.util.Arrays.copyOfRange(out, 12, 12 + PAYLOAD + 16))) {
            throw new IllegalStateException("AES/CTR + PureJavaGhash disagrees with the JDK's AES/GCM");
        }
    }

    /** A fresh nonce per call, as SRTP's index gives: GCM refuses to encrypt twice under one IV. */
    private void nextIv() {
        int n = ++counter;
        iv12[8] = iv16[8] = (byte) (n >>> 24);
        iv12[9] = iv16[9] = (byte) (n >>> 16);
        iv12[10] = iv16[10] = (byte) (n >>> 8);
        iv12[11] = iv16[11] = (byte) n;
    }

    @Benchmark
    public byte[] sha1Of1204Bytes() throws GeneralSecurityException {
        sha1.update(data, 0, AUTHENTICATED);
        sha1.digest(digest, 0, 20);
        return digest;
    }

    @Benchmark
    public byte[] hmacSha1Of1204Bytes() throws GeneralSecurityException {
        hmac.update(data, 0, AUTHENTICATED);
        hmac.doFinal(digest, 0);
        return digest;
    }

    /** HMAC-SHA1 from clones of the digests that already hashed K^ipad and K^opad. */
    @Benchmark
    public byte[] hmacSha1FromClonedPrefixes() throws GeneralSecurityException, CloneNotSupportedException {
        MessageDigest inner = (MessageDigest) innerPrefix.clone();
        inner.update(data, 0, AUTHENTICATED);
        inner.digest(digest, 0, 20);
        MessageDigest outer = (MessageDigest) outerPrefix.clone();
        outer.update(digest, 0, 20);
        outer.digest(digest, 0, 20);
        return digest;
    }

    @Benchmark
    public byte[] aesCtrInitAndDoFinal1188() throws GeneralSecurityException {
        nextIv();
        ctr.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv16));
        ctr.doFinal(data, 12, PAYLOAD, out, 12);
        return out;
    }

    @Benchmark
    public byte[] aesCtrInitAndDoFinal16() throws GeneralSecurityException {
        nextIv();
        ctr.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv16));
        ctr.doFinal(data, 12, 16, out, 12);
        return out;
    }

    /** Counter mode by hand on a Cipher initialised once: counter blocks, one ECB call, XOR. */
    @Benchmark
    public byte[] aesEcbOfCounterBlocksAndXor1188() throws GeneralSecurityException {
        nextIv();
        for (int b = 0, at = 0; at < counters.length; b++, at += 16) {
            System.arraycopy(iv16, 0, counters, at, 14);
            counters[at + 14] = (byte) (b >>> 8);
            counters[at + 15] = (byte) b;
        }
        ecb.update(counters, 0, counters.length, keystream, 0);
        for (int i = 0; i < PAYLOAD; i++) {
            out[12 + i] = (byte) (data[12 + i] ^ keystream[i]);
        }
        return out;
    }

    @Benchmark
    public byte[] aesGcmEncrypt16() throws GeneralSecurityException {
        nextIv();
        gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv12));
        gcm.updateAAD(data, 0, 12);
        gcm.doFinal(data, 12, 16, out, 12);
        return out;
    }

    @Benchmark
    public byte[] aesGcmEncrypt1188() throws GeneralSecurityException {
        nextIv();
        gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv12));
        gcm.updateAAD(data, 0, 12);
        gcm.doFinal(data, 12, PAYLOAD, out, 12);
        return out;
    }

    /** Decryption of one fixed packet: decrypt mode has no IV-reuse check, so the IV stays. */
    @Benchmark
    public byte[] aesGcmDecrypt1188() throws GeneralSecurityException {
        gcm.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, ZERO_IV));
        gcm.updateAAD(data, 0, 12);
        gcm.doFinal(gcmCiphertext, 0, gcmCiphertext.length, out, 12);
        return out;
    }

    @Benchmark
    public byte[] pureJavaSha1Of1204Bytes() {
        javaSha1.digest(data, 0, AUTHENTICATED, digest);
        return digest;
    }

    /** GCM as SP 800-38D §7.1 builds it: the JDK's AES/CTR from J0 + 1, our GHASH, tag = GHASH ^ E_K(J0). */
    @Benchmark
    public byte[] aesCtrWithPureJavaGhash1188() throws GeneralSecurityException {
        nextIv();
        return ctrWithJavaGhash();
    }

    private byte[] ctrWithJavaGhash() throws GeneralSecurityException {
        System.arraycopy(iv12, 0, j0, 0, 12);
        j0[15] = 2;
        ctr.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(j0));
        ctr.doFinal(data, 12, PAYLOAD, out, 12);
        j0[15] = 1;
        ecb.update(j0, 0, 16, ekj0, 0);
        javaGhash.reset();
        javaGhash.update(data, 0, 12);
        javaGhash.update(out, 12, PAYLOAD);
        javaGhash.finish(12, PAYLOAD, out, 12 + PAYLOAD);
        for (int i = 0; i < 16; i++) {
            out[12 + PAYLOAD + i] ^= ekj0[i];
        }
        return out;
    }

    /** BouncyCastle's GCM (bcprov, pure Java), re-initialised with a new nonce and the same key. */
    @Benchmark
    public byte[] bouncyCastleGcmEncrypt1188() throws Exception {
        nextIv();
        bcGcm.init(true, new AEADParameters(null, 128, iv12.clone()));
        bcGcm.processAADBytes(data, 0, 12);
        int n = bcGcm.processBytes(data, 12, PAYLOAD, out, 12);
        bcGcm.doFinal(out, 12 + n);
        return out;
    }
}
