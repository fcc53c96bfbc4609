package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes: {@link StunMessage#parse} returns a message or throws {@link StunParseException},
 * nothing else. A parsed message writes to bytes of the same length that parse to an equal
 * message and write again to the same bytes (padding is kept; reserved bits are zeroed, so one
 * pass reaches the canonical form). Built again from its values with zero padding, it still
 * parses equal. The cheap checks ({@code looksLikeStun}, integrity, fingerprint) never throw.
 * Seeds: the RFC 5769 vectors and a few TURN messages in {@code StunFuzzTestInputs/}.
 */
class StunFuzzTest {
    private static final byte[] KEY = StunCredentials.shortTermKey(Rfc5769.PASSWORD);

    @FuzzTest
    void parseWriteParse(byte[] data) {
        boolean looksLikeStun = StunMessage.looksLikeStun(data, 0, data.length);
        StunIntegrity.checkIntegrity(data, KEY);
        StunIntegrity.checkIntegritySha256(data, KEY);
        StunIntegrity.checkFingerprint(data);

        StunMessage message;
        try {
            message = StunMessage.parse(data);
        } catch (StunParseException e) {
            return;
        }
        assertTrue(looksLikeStun, "parsed but looksLikeStun said no");
        message.unknownComprehensionRequired();

        byte[] written = message.toBytes();
        assertEquals(data.length, written.length);
        StunMessage again = reparse(written);
        assertEquals(message, again);
        assertArrayEquals(written, again.toBytes());

        StunMessage rebuilt = new StunMessage(
                message.messageClass(), message.method(), message.transactionId(), message.attributes());
        assertEquals(message, reparse(rebuilt.toBytes()));
    }

    private static StunMessage reparse(byte[] bytes) {
        try {
            return StunMessage.parse(bytes);
        } catch (StunParseException e) {
            return fail("written message does not parse: " + e.getMessage(), e);
        }
    }
}
