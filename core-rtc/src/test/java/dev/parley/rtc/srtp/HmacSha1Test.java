package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.SrtpTestVectorsTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Our HMAC-SHA1 against RFC 2202 §3 and against the JDK's HmacSHA1. */
class HmacSha1Test {
    private static byte[] tag(byte[] key, byte[] data) {
        HmacSha1 mac = new HmacSha1(key);
        mac.update(data, 0, data.length);
        byte[] out = new byte[HmacSha1.LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] repeated(int value, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void rfc2202TestCases() {
        assertArrayEquals(hex("b617318655057264e28bc0b6fb378c8ef146be00"),
                tag(repeated(0x0b, 20), "Hi There".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
                tag("Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(hex("125d7342b9ac11cd91a39af48aa17b4f63f175d3"), tag(repeated(0xaa, 20), repeated(0xdd, 50)));
        // Case 6: a key longer than the 64-byte block is hashed first (RFC 2104 §2).
        assertArrayEquals(hex("aa4ae5e15272d00e95705637ce8a3b55ed402112"), tag(repeated(0xaa, 80),
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void agreesWithTheJdkAcrossKeyLengthsSplitsAndReuse() throws Exception {
        Random random = new Random(11);
        for (int keyLength : new int[] {1, 20, 63, 64, 65, 100}) { // the JDK refuses an empty key
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha1 ours = new HmacSha1(key);
            Mac jdk = Mac.getInstance("HmacSHA1");
            jdk.init(new SecretKeySpec(key, "HmacSHA1"));
            for (int length : new int[] {0, 1, 55, 56, 64, 1204, 3000}) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                int split = length / 3;
                ours.update(data, 0, split);
                ours.update(data, split, length - split);
                byte[] out = new byte[HmacSha1.LENGTH + 4];
                ours.doFinal(out, 4);
                assertArrayEquals(jdk.doFinal(data), Arrays.copyOfRange(out, 4, out.length),
                        "key " + keyLength + ", data " + length);
            }
        }
    }
}
