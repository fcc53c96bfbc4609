package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5769 §2: every field, MI and FINGERPRINT on the raw bytes, and exact re-writing. */
class Rfc5769VectorsTest {
    private static final byte[] SHORT_TERM_KEY = StunCredentials.shortTermKey(Rfc5769.PASSWORD);

    @Test
    void sampleRequest_2_1() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.REQUEST);

        assertEquals(StunClass.REQUEST, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method());
        assertEquals(new TransactionId(Rfc5769.TRANSACTION_ID), m.transactionId());
        assertEquals(List.of(
                new Software("STUN test client"),
                new Priority(0x6e0001ffL),
                new IceControlled(0x932ff9b151263b36L),
                new Username("evtj:h6vY"),
                new MessageIntegrity(Hex.bytes("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
                new Fingerprint(0xe57a3bcf)), m.attributes());
        assertEquals(List.of(), m.unknownComprehensionRequired());

        assertTrue(StunIntegrity.checkIntegrity(Rfc5769.REQUEST, SHORT_TERM_KEY));
        assertTrue(StunIntegrity.checkFingerprint(Rfc5769.REQUEST));
        assertArrayEquals(Rfc5769.REQUEST, m.toBytes());
    }

    @Test
    void sampleIpv4Response_2_2() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.IPV4_RESPONSE);

        assertEquals(StunClass.SUCCESS_RESPONSE, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method());
        assertEquals(new TransactionId(Rfc5769.TRANSACTION_ID), m.transactionId());
        assertEquals(List.of(
                new Software("test vector"),
                new XorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)),
                new MessageIntegrity(Hex.bytes("2b91f599fd9e90c38c7489f92af9ba53f06be7d7")),
                new Fingerprint(0xc07d4c96)), m.attributes());

        assertTrue(StunIntegrity.checkIntegrity(Rfc5769.IPV4_RESPONSE, SHORT_TERM_KEY));
        assertTrue(StunIntegrity.checkFingerprint(Rfc5769.IPV4_RESPONSE));
        assertArrayEquals(Rfc5769.IPV4_RESPONSE, m.toBytes());
    }

    @Test
    void sampleIpv6Response_2_3() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.IPV6_RESPONSE);

        assertEquals(StunClass.SUCCESS_RESPONSE, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method());
        assertEquals(new TransactionId(Rfc5769.TRANSACTION_ID), m.transactionId());
        assertEquals(List.of(
                new Software("test vector"),
                new XorMappedAddress(new InetSocketAddress(
                        InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853)),
                new MessageIntegrity(Hex.bytes("a382954e4be67bf11784c97c8292c275bfe3ed41")),
                new Fingerprint(0xc8fb0b4c)), m.attributes());

        assertTrue(StunIntegrity.checkIntegrity(Rfc5769.IPV6_RESPONSE, SHORT_TERM_KEY));
        assertTrue(StunIntegrity.checkFingerprint(Rfc5769.IPV6_RESPONSE));
        assertArrayEquals(Rfc5769.IPV6_RESPONSE, m.toBytes());
    }

    @Test
    void sampleRequestWithLongTermAuthentication_2_4() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.LONG_TERM_REQUEST);

        assertEquals(StunClass.REQUEST, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method());
        assertEquals(new TransactionId(Hex.bytes("78ad3433c6ad72c029da412e")), m.transactionId());
        assertEquals(List.of(
                new Username(Rfc5769.LONG_TERM_USERNAME),
                new Nonce(Rfc5769.LONG_TERM_NONCE),
                new Realm(Rfc5769.LONG_TERM_REALM),
                new MessageIntegrity(Hex.bytes("f67024656dd64a3e02b8e0712e85c9a28ca89666"))), m.attributes());

        byte[] key = StunCredentials.longTermKey(
                Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD);
        assertTrue(StunIntegrity.checkIntegrity(Rfc5769.LONG_TERM_REQUEST, key));
        assertFalse(StunIntegrity.checkFingerprint(Rfc5769.LONG_TERM_REQUEST), "this vector has no FINGERPRINT");
        assertArrayEquals(Rfc5769.LONG_TERM_REQUEST, m.toBytes());
    }

    /** §2.4 pads with zeros, so the builder must reproduce it exactly, MAC included. */
    @Test
    void builderReproducesLongTermRequestByteForByte() {
        byte[] key = StunCredentials.longTermKey(
                Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD);
        byte[] built = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING,
                        new TransactionId(Hex.bytes("78ad3433c6ad72c029da412e")))
                .add(new Username(Rfc5769.LONG_TERM_USERNAME))
                .add(new Nonce(Rfc5769.LONG_TERM_NONCE))
                .add(new Realm(Rfc5769.LONG_TERM_REALM))
                .addMessageIntegrity(key)
                .toBytes();
        assertEquals(Hex.string(Rfc5769.LONG_TERM_REQUEST), Hex.string(built));
    }

    /**
     * §2.1 built again with zero padding: MESSAGE-INTEGRITY then differs from the RFC's. The
     * expected MAC is the one libwebrtc's stun_unittest.cc computes for the same zero-padded
     * message (kCalculatedHmac1), an independent implementation.
     */
    @Test
    void builderWithZeroPaddingMatchesAnIndependentImplementation() {
        byte[] built = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, new TransactionId(Rfc5769.TRANSACTION_ID))
                .add(new Software("STUN test client"))
                .add(new Priority(0x6e0001ffL))
                .add(new IceControlled(0x932ff9b151263b36L))
                .add(new Username("evtj:h6vY"))
                .addMessageIntegrity(SHORT_TERM_KEY)
                .addFingerprint()
                .toBytes();
        assertEquals("7907c2d2edbfea480e4c76d82962d5c3742af9e3", Hex.string(Arrays.copyOfRange(built, 80, 100)));
        assertTrue(StunIntegrity.checkIntegrity(built, SHORT_TERM_KEY));
        assertTrue(StunIntegrity.checkFingerprint(built));
    }

    /** The fuzz seeds are the same bytes as the vectors above. */
    @Test
    void fuzzSeedsAreTheVectors() throws IOException {
        String dir = "StunFuzzTestInputs/parseWriteParse/";
        assertArrayEquals(Rfc5769.REQUEST, resource(dir + "rfc5769-2.1-request.bin"));
        assertArrayEquals(Rfc5769.IPV4_RESPONSE, resource(dir + "rfc5769-2.2-ipv4-response.bin"));
        assertArrayEquals(Rfc5769.IPV6_RESPONSE, resource(dir + "rfc5769-2.3-ipv6-response.bin"));
        assertArrayEquals(Rfc5769.LONG_TERM_REQUEST, resource(dir + "rfc5769-2.4-long-term-request.bin"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Rfc5769VectorsTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            return in.readAllBytes();
        }
    }
}
