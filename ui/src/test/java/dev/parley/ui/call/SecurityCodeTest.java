package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** {@link SecurityCode}: the same words on both screens, different words for different certificates. */
class SecurityCodeTest {
    private static final String A = "sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F"
            + ":10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F";
    private static final String B = "sha-256 A0:A1:A2:A3:A4:A5:A6:A7:A8:A9:AA:AB:AC:AD:AE:AF"
            + ":B0:B1:B2:B3:B4:B5:B6:B7:B8:B9:BA:BB:BC:BD:BE:BF";

    private static String fingerprint(Random random) {
        StringJoiner hex = new StringJoiner(":", "sha-256 ", "");
        for (int i = 0; i < 32; i++) {
            hex.add(String.format("%02X", random.nextInt(256)));
        }
        return hex.toString();
    }

    /**
     * Computed once outside Java, by two routes that agree:
     * <pre>
     * python3 -c 'import hashlib; print(hashlib.pbkdf2_hmac("sha256",
     *     (A + "\n" + B).encode("ascii"), b"parley security code v1", 100000, 4).hex())'
     * openssl kdf -keylen 4 -kdfopt digest:SHA256 -kdfopt "pass:$A
     * $B" -kdfopt salt:"parley security code v1" -kdfopt iter:100000 PBKDF2
     * </pre>
     * (A sorts before B) both print {@code ec06fc4a}: 0xEC even "tumor", 0x06 odd "amulet",
     * 0xFC even "wayside", 0x4A odd "direction".
     */
    @Test
    void knownAnswer_matchesPbkdf2ComputedByPythonAndOpenssl() {
        assertEquals(List.of("tumor", "amulet", "wayside", "direction"), SecurityCode.of(A, B).words());
        assertEquals("tumor amulet wayside direction", SecurityCode.of(A, B).toString());
    }

    @Test
    void bothSides_getTheSameCode_whicheverIsLocal() {
        assertEquals(SecurityCode.of(A, B), SecurityCode.of(B, A));
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            String x = fingerprint(random);
            String y = fingerprint(random);
            assertEquals(SecurityCode.of(x, y).words(), SecurityCode.of(y, x).words());
        }
    }

    @Test
    void spellingOfTheHex_doesNotMatter() {
        assertEquals(SecurityCode.of(A, B), SecurityCode.of(A.toLowerCase(), "SHA-256 " + B.substring(8).toLowerCase()));
    }

    @Test
    void fourWords_evenOddAlternating() {
        PgpWordList list = PgpWordList.load();
        List<String> words = SecurityCode.of(A, B).words();
        assertEquals(4, words.size());
        for (int i = 0; i < 4; i++) {
            List<String> expectedList = i % 2 == 0 ? list.evenWords() : list.oddWords();
            assertTrue(expectedList.contains(words.get(i)), words.get(i) + " at " + i);
        }
    }

    @Test
    void oneDifferentByte_givesADifferentCode() {
        String changed = A.substring(0, A.length() - 1) + "E"; // ...:1F → ...:1E
        assertNotEquals(SecurityCode.of(A, B), SecurityCode.of(changed, B));
        assertNotEquals(SecurityCode.of(A, B), SecurityCode.of(A, B.replace("BF", "BE")));
    }

    /**
     * 120 random calls: 32 bits make a repeat among them a 1-in-600,000 event (birthday bound),
     * and each word position should spread over the list (about 96 of 256 words expected for 120
     * draws); a derivation that ignored most of its input would show far fewer.
     */
    @Test
    void randomCertificates_giveDistinctWellSpreadCodes() {
        Random random = new Random(42);
        int n = 120;
        Set<SecurityCode> codes = new HashSet<>();
        List<Set<String>> perPosition = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            perPosition.add(new HashSet<>());
        }
        for (int i = 0; i < n; i++) {
            SecurityCode code = SecurityCode.of(fingerprint(random), fingerprint(random));
            codes.add(code);
            for (int p = 0; p < 4; p++) {
                perPosition.get(p).add(code.words().get(p));
            }
        }
        assertEquals(n, codes.size(), "no two of " + n + " calls share a code");
        for (int p = 0; p < 4; p++) {
            assertTrue(perPosition.get(p).size() >= 70, "position " + p + " used " + perPosition.get(p).size() + " words");
        }
    }

    @Test
    void sameCertificateOnBothEnds_stillGivesACode() {
        // A test call to oneself may use one certificate for both ends.
        assertEquals(4, SecurityCode.of(A, A).words().size());
    }

    @Test
    void malformedFingerprints_areClearErrors() {
        String sha1 = "sha-1 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13";
        String[] bad = {
            "", "sha-256", "AB:CD", "sha-256 AB:CD", // too short
            A.replace(":0A:", ":0G:"), // not hex
            A.replace(":0A:", ":0A::"), A.replace(":", "-"), A + ":20", // bad separators, too long
            A.replace("sha-256", "md5"), sha1,
        };
        for (String fingerprint : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SecurityCode.of(fingerprint, B), fingerprint);
            assertTrue(e.getMessage().contains("local fingerprint"), e.getMessage());
        }
        IllegalArgumentException remote = assertThrows(IllegalArgumentException.class, () -> SecurityCode.of(A, sha1));
        assertTrue(remote.getMessage().contains("remote fingerprint must be sha-256"), remote.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecurityCode.of(null, B));
    }
}
