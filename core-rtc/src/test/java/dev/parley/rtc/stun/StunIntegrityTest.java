package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT: tampering, wrong keys, placement rules, odd inputs. */
class StunIntegrityTest {
    private static final byte[] KEY = StunCredentials.shortTermKey(Rfc5769.PASSWORD);
    private static final TransactionId ID = new TransactionId(Rfc5769.TRANSACTION_ID);

    @Test
    void flippingAnyByteCoveredByTheMacFailsIntegrity() {
        // §2.1: the MAC covers bytes 0..75 (header and attributes before MESSAGE-INTEGRITY at 76).
        for (int i = 0; i < 76; i++) {
            byte[] tampered = Rfc5769.REQUEST.clone();
            tampered[i] ^= 0x01;
            assertFalse(StunIntegrity.checkIntegrity(tampered, KEY), "flip at byte " + i);
        }
    }

    @Test
    void flippingAByteOfTheMacItselfFailsIntegrity() {
        byte[] tampered = Rfc5769.REQUEST.clone();
        tampered[80 + 19] ^= (byte) 0x80; // last byte of the MAC value (80..99)
        assertFalse(StunIntegrity.checkIntegrity(tampered, KEY));
    }

    @Test
    void wrongKeyFails() {
        assertFalse(StunIntegrity.checkIntegrity(Rfc5769.REQUEST, StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBu")));
        assertFalse(StunIntegrity.checkIntegrity(Rfc5769.LONG_TERM_REQUEST,
                StunCredentials.longTermKey(Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, "TheMatrix")));
    }

    @Test
    void fingerprintMismatchIsDetected() {
        byte[] tamperedBody = Rfc5769.IPV4_RESPONSE.clone();
        tamperedBody[30] ^= 0x04; // inside XOR-MAPPED-ADDRESS
        assertFalse(StunIntegrity.checkFingerprint(tamperedBody));

        byte[] tamperedCrc = Rfc5769.IPV4_RESPONSE.clone();
        tamperedCrc[tamperedCrc.length - 1] ^= 0x01;
        assertFalse(StunIntegrity.checkFingerprint(tamperedCrc));
    }

    @Test
    void fingerprintChangesIntegrityNot() {
        // FINGERPRINT follows MESSAGE-INTEGRITY, so changing it leaves the MAC valid.
        byte[] tamperedCrc = Rfc5769.REQUEST.clone();
        tamperedCrc[tamperedCrc.length - 1] ^= 0x01;
        assertTrue(StunIntegrity.checkIntegrity(tamperedCrc, KEY));
        assertFalse(StunIntegrity.checkFingerprint(tamperedCrc));
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnored() throws Exception {
        // §14.5: an attribute appended after MESSAGE-INTEGRITY (here SOFTWARE before FINGERPRINT)
        // neither breaks the MAC nor counts as part of the message.
        StunMessage original = StunMessage.parse(Rfc5769.LONG_TERM_REQUEST);
        List<StunAttribute> withExtra = new ArrayList<>(original.attributes());
        withExtra.add(new Software("appended"));
        withExtra.add(new RawAttribute(0x7777, new byte[4]));
        byte[] raw = new StunMessage(original.messageClass(), original.method(), original.transactionId(), withExtra)
                .toBytes();
        byte[] key = StunCredentials.longTermKey(
                Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD);

        assertTrue(StunIntegrity.checkIntegrity(raw, key));
        StunMessage parsed = StunMessage.parse(raw);
        assertEquals(6, parsed.attributes().size());
        assertEquals(original.attributes(), parsed.effectiveAttributes());
        assertTrue(parsed.first(Software.class).isEmpty());
        assertEquals(List.of(), parsed.unknownComprehensionRequired(), "ignored attributes cannot cause a 420");
    }

    @Test
    void sha256IntegrityRoundTripsAndDetectsTampering() {
        byte[] key = StunCredentials.longTermKeySha256("user", "realm", "pass");
        byte[] raw = StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE, ID)
                .add(new RequestedTransport(RequestedTransport.UDP))
                .add(new Username("user"))
                .addMessageIntegritySha256(key)
                .addFingerprint()
                .toBytes();
        assertTrue(StunIntegrity.checkIntegritySha256(raw, key));
        assertFalse(StunIntegrity.checkIntegrity(raw, key), "there is no SHA-1 MESSAGE-INTEGRITY");
        assertFalse(StunIntegrity.checkIntegritySha256(raw, StunCredentials.longTermKeySha256("user", "realm", "pas")));
        assertTrue(StunIntegrity.checkFingerprint(raw));

        byte[] tampered = raw.clone();
        tampered[20 + 4] ^= 0x01; // REQUESTED-TRANSPORT protocol
        assertFalse(StunIntegrity.checkIntegritySha256(tampered, key));
    }

    @Test
    void truncatedSha256MacIsCheckedOnItsLength() throws Exception {
        // §14.6 allows 16..32 bytes; the MAC is the HMAC-SHA256 truncated to that length.
        byte[] key = "k".getBytes();
        byte[] full = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, ID)
                .addMessageIntegritySha256(key).toBytes();
        byte[] mac = StunMessage.parse(full).first(MessageIntegritySha256.class).orElseThrow().hmac();

        // Same message with a 16-byte MAC: the header length now ends 16 bytes after the attribute header.
        StunMessage unsigned = new StunMessage(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, ID, List.of());
        byte[] prefix = unsigned.toBytes();
        byte[] truncatedMac = StunIntegrity.hmac(StunIntegrity.HMAC_SHA256, key, prefix, 0, prefix.length, 4 + 16);
        byte[] raw = new StunMessage(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, ID,
                List.of(new MessageIntegritySha256(Arrays.copyOf(truncatedMac, 16)))).toBytes();
        assertTrue(StunIntegrity.checkIntegritySha256(raw, key));
        assertFalse(Arrays.equals(Arrays.copyOf(mac, 16), Arrays.copyOf(truncatedMac, 16)),
                "the adjusted length differs, so the MAC does too");
    }

    @Test
    void bothMacsValidateWhenShaFollowsSha1() {
        byte[] raw = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID)
                .add(new Username("a:b"))
                .addMessageIntegrity(KEY)
                .addMessageIntegritySha256(KEY)
                .addFingerprint()
                .toBytes();
        assertTrue(StunIntegrity.checkIntegrity(raw, KEY));
        assertTrue(StunIntegrity.checkIntegritySha256(raw, KEY));
        assertTrue(StunIntegrity.checkFingerprint(raw));
    }

    @Test
    void messageIntegrityAfterSha256IsIgnored() {
        // §14.6: everything after MESSAGE-INTEGRITY-SHA256 but FINGERPRINT is ignored.
        StunMessage sha = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID)
                .addMessageIntegritySha256(KEY).build();
        byte[] prefix = sha.toBytes();
        byte[] sha1 = StunIntegrity.hmac(StunIntegrity.HMAC_SHA1, KEY, prefix, 0, prefix.length, prefix.length + 4);
        byte[] raw = new StunMessage(StunClass.REQUEST, StunMethod.BINDING, ID,
                List.of(sha.attributes().get(0), new MessageIntegrity(sha1))).toBytes();
        assertFalse(StunIntegrity.checkIntegrity(raw, KEY));
        assertTrue(StunIntegrity.checkIntegritySha256(raw, KEY));
    }

    @Test
    void fingerprintMustBeLast() {
        StunMessage withFingerprint = StunMessage.builder(StunClass.INDICATION, StunMethod.BINDING, ID)
                .addFingerprint().build();
        byte[] raw = new StunMessage(StunClass.INDICATION, StunMethod.BINDING, ID,
                List.of(withFingerprint.attributes().get(0), new Software("late"))).toBytes();
        assertFalse(StunIntegrity.checkFingerprint(raw));
    }

    @Test
    void emptyKeyIsAValidHmacKey() {
        // SecretKeySpec refuses empty keys; HMAC does not (RFC 2104 pads keys with zeros).
        byte[] raw = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID)
                .addMessageIntegrity(new byte[0]).toBytes();
        assertTrue(StunIntegrity.checkIntegrity(raw, new byte[0]));
        assertFalse(StunIntegrity.checkIntegrity(raw, KEY));
    }

    /** Found by StunFuzzTest: a MESSAGE-INTEGRITY whose length runs past the end of the bytes. */
    @Test
    void macAttributeOverrunningTheMessageIsRejectedNotThrown() {
        byte[] raw = Hex.bytes("""
                0001 0060 2112 a442 78ad 3433 c6ad 72c0 29da 412e 0006 0012 e383 9ee3 8382 b900
                0088 e383 aae3 8383 e382 afe3 82b9 0000 0015 001c 662f 2f34 3939 6b39 3534 6436
                4f4c 3334 6f4c 3946 5354 7679 3634 7341 0014 000b 6578 616d 706c 652e 6f72 6700
                0008 0014 6dd6 4a3e 02b8 e071 2e85 c9a2 8ca8 9666
                """);
        assertFalse(StunIntegrity.checkIntegrity(raw, KEY));
        assertFalse(StunIntegrity.checkIntegritySha256(raw, KEY));
        assertFalse(StunIntegrity.checkFingerprint(raw));
    }

    @Test
    void nonStunAndShortInputsAreJustInvalid() {
        assertFalse(StunIntegrity.checkIntegrity(new byte[0], KEY));
        assertFalse(StunIntegrity.checkFingerprint(new byte[3]));
        byte[] badCookie = Rfc5769.REQUEST.clone();
        badCookie[4] = 0;
        assertFalse(StunIntegrity.checkIntegrity(badCookie, KEY));
    }

    @Test
    void checksWorkInsideALargerBuffer() {
        byte[] buf = new byte[Rfc5769.REQUEST.length + 13];
        System.arraycopy(Rfc5769.REQUEST, 0, buf, 7, Rfc5769.REQUEST.length);
        assertTrue(StunIntegrity.checkIntegrity(buf, 7, Rfc5769.REQUEST.length, KEY));
        assertTrue(StunIntegrity.checkFingerprint(buf, 7, Rfc5769.REQUEST.length));
        assertTrue(StunMessage.looksLikeStun(buf, 7, Rfc5769.REQUEST.length));
    }

    @Test
    void longTermKeyIsMd5OfUserRealmPassword() {
        // MD5("user:realm:pass"), computed independently with `printf 'user:realm:pass' | md5sum`.
        assertArrayEquals(Hex.bytes("8493fbc53ba582fb4c044c456bdc40eb"),
                StunCredentials.longTermKey("user", "realm", "pass"));
    }
}
