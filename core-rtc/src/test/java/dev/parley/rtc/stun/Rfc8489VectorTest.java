package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8489 Appendix B.1, "Sample Request with Long-Term Authentication with
 * MESSAGE-INTEGRITY-SHA256 and USERHASH", as corrected by erratum 6268 (the published text has
 * wrong lengths and a NONCE that does not start with the "obMatJos2" security-feature cookie).
 * USERHASH and PASSWORD-ALGORITHM are kept raw by this package.
 */
class Rfc8489VectorTest {
    static final byte[] REQUEST = Hex.bytes("""
            00 01 00 90 21 12 a4 42 78 ad 34 33 c6 ad 72 c0 29 da 41 2e
            00 1e 00 20 4a 3c f3 8f ef 69 92 bd a9 52 c6 78 04 17 da 0f
                        24 81 94 15 56 9e 60 b2 05 c4 6e 41 40 7f 17 04
            00 15 00 29 6f 62 4d 61 74 4a 6f 73 32 41 41 41 43 66 2f 2f
                        34 39 39 6b 39 35 34 64 36 4f 4c 33 34 6f 4c 39
                        46 53 54 76 79 36 34 73 41 00 00 00
            00 14 00 0b 65 78 61 6d 70 6c 65 2e 6f 72 67 00
            00 1d 00 04 00 02 00 00
            00 1c 00 20 b5 c7 bf 00 5b 6c 52 a2 1c 51 c5 e8 92 f8 19 24
                        13 62 96 cb 92 7c 43 14 93 09 27 8c c6 51 8e 65
            """);

    @Test
    void parsesEveryField() throws Exception {
        StunMessage m = StunMessage.parse(REQUEST);
        assertEquals(StunClass.REQUEST, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method());
        assertEquals(new TransactionId(Hex.bytes("78ad3433c6ad72c029da412e")), m.transactionId());
        assertEquals(List.of(
                new RawAttribute(StunAttributeType.USERHASH, StunCredentials.userHash(
                        Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM)),
                new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"),
                new Realm("example.org"),
                new RawAttribute(StunAttributeType.PASSWORD_ALGORITHM, Hex.bytes("00020000")),
                new MessageIntegritySha256(Hex.bytes(
                        "b5c7bf005b6c52a21c51c5e892f81924136296cb927c43149309278cc6518e65"))), m.attributes());
        // USERHASH and PASSWORD-ALGORITHM are comprehension-required and not understood here.
        assertEquals(List.of(StunAttributeType.USERHASH, StunAttributeType.PASSWORD_ALGORITHM),
                m.unknownComprehensionRequired());
        assertArrayEquals(REQUEST, m.toBytes());
    }

    @Test
    void sha256IntegrityValidatesWithTheSha256PasswordAlgorithmKey() {
        byte[] key = StunCredentials.longTermKeySha256(
                Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD);
        assertTrue(StunIntegrity.checkIntegritySha256(REQUEST, key));
        assertFalse(StunIntegrity.checkIntegritySha256(REQUEST, StunCredentials.longTermKey(
                Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD)));
    }

    @Test
    void builderReproducesTheVector() {
        byte[] key = StunCredentials.longTermKeySha256(
                Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD);
        byte[] built = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING,
                        new TransactionId(Hex.bytes("78ad3433c6ad72c029da412e")))
                .add(new RawAttribute(StunAttributeType.USERHASH,
                        StunCredentials.userHash(Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM)))
                .add(new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"))
                .add(new Realm("example.org"))
                .add(new RawAttribute(StunAttributeType.PASSWORD_ALGORITHM, Hex.bytes("00020000")))
                .addMessageIntegritySha256(key)
                .toBytes();
        assertEquals(Hex.string(REQUEST), Hex.string(built));
    }
}
