package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.testutil.Hex;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wire encodings of the typed attributes and their way back through a parsed message. */
class StunAttributesTest {
    private static final TransactionId ID = new TransactionId(Rfc5769.TRANSACTION_ID);

    private static InetSocketAddress address(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    /** Writes the attribute into a Binding request and parses it back. */
    private static StunAttribute roundTrip(StunAttribute attribute) throws StunParseException {
        byte[] raw = new StunMessage(StunClass.REQUEST, StunMethod.BINDING, ID, List.of(attribute)).toBytes();
        return StunMessage.parse(raw).attributes().get(0);
    }

    private static void assertEncodes(String valueHex, StunAttribute attribute) throws StunParseException {
        assertEquals(valueHex.replace(" ", ""), Hex.string(attribute.encodeValue(ID)));
        assertEquals(attribute, roundTrip(attribute));
    }

    @Test
    void xorMappedAddressMatchesRfc5769() throws Exception {
        // RFC 5769 §2.2 and §2.3 with the same transaction id.
        assertEncodes("0001 a147 e112a643", new XorMappedAddress(address("192.0.2.1", 32853)));
        assertEncodes("0002 a147 0113a9faa5d3f179bc25f4b5bed2b9d9",
                new XorMappedAddress(address("2001:db8:1234:5678:11:2233:4455:6677", 32853)));
    }

    @Test
    void addressAttributesOfEachKind() throws Exception {
        assertEncodes("0001 8055 c0000201", new MappedAddress(address("192.0.2.1", 32853)));
        assertEncodes("0001 a147 e112a643", new XorPeerAddress(address("192.0.2.1", 32853)));
        assertEncodes("0001 a147 e112a643", new XorRelayedAddress(address("192.0.2.1", 32853)));
        assertEncodes("0002 0000 00000000000000000000000000000001", new MappedAddress(address("::1", 0)));
        assertEncodes("0001 dead 5eedf00d", new XorRelayedAddress(address("127.255.84.79", 0xffbf)));
    }

    @Test
    void ipv4MappedIpv6AddressKeepsItsFamily() throws Exception {
        byte[] mapped = Hex.bytes("00000000000000000000ffffc0000201");
        InetSocketAddress v6 = new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 9);
        StunAttribute back = roundTrip(new XorMappedAddress(v6));
        assertInstanceOf(Inet6Address.class, ((XorMappedAddress) back).address().getAddress());
        assertEquals("0002", Hex.string(back.encodeValue(ID)).substring(0, 4));
    }

    @Test
    void unresolvedAddressIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new XorMappedAddress(InetSocketAddress.createUnresolved("example.org", 1)));
    }

    @Test
    void iceAttributes() throws Exception {
        assertEncodes("6e0001ff", new Priority(0x6e0001ffL));
        assertEncodes("ffffffff", new Priority(0xffffffffL));
        assertEncodes("", new UseCandidate());
        assertEncodes("932ff9b151263b36", new IceControlled(0x932ff9b151263b36L));
        assertEncodes("8000000000000001", new IceControlling(0x8000000000000001L));
        assertThrows(IllegalArgumentException.class, () -> new Priority(-1));
    }

    @Test
    void textAttributes() throws Exception {
        assertEncodes("6576746a3a68367659", new Username("evtj:h6vY"));
        assertEncodes("e3839ee38388", new Realm("\u30DE\u30C8"));
        assertEncodes("", new Nonce(""));
        assertEncodes("f09f9880", new Software("\uD83D\uDE00"));
    }

    @Test
    void errorCodeSplitsClassAndNumber() throws Exception {
        assertEncodes("00000414 556e6b6e6f776e20417474726962757465",
                new ErrorCode(ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute"));
        assertEncodes("00000457", new ErrorCode(ErrorCode.ROLE_CONFLICT, ""));
        assertEncodes("00000300", new ErrorCode(300, ""));
        assertEncodes("00000663", new ErrorCode(699, ""));
        assertThrows(IllegalArgumentException.class, () -> new ErrorCode(700, "x"));
    }

    @Test
    void unknownAttributesListsTypes() throws Exception {
        assertEncodes("0003 7777 001e", new UnknownAttributes(List.of(0x0003, 0x7777, 0x001e)));
    }

    @Test
    void turnAttributes() throws Exception {
        assertEncodes("00000258", new Lifetime(600));
        assertEncodes("11000000", new RequestedTransport(RequestedTransport.UDP));
        assertEncodes("40010000", new ChannelNumber(0x4001));
        assertEncodes("", new DontFragment());
        assertEncodes("80", new EvenPort(true));
        assertEncodes("00", new EvenPort(false));
        assertEncodes("0123456789abcdef", new ReservationToken(0x0123456789abcdefL));
        assertEncodes("02000000", new RequestedAddressFamily(RequestedAddressFamily.IPV6));
        assertEncodes("68656c6c6f", new Data("hello".getBytes()));
    }

    @Test
    void reservedBitsAreIgnoredOnReceiptAndZeroOnWrite() throws Exception {
        byte[] raw = Hex.bytes("""
                0003 001c 2112a442 b7e7a701bc34d686fa87dfae
                0019 0004 11ffffff
                0018 0001 ff000000
                0020 0008 ff01a147 e112a643
                """);
        StunMessage m = StunMessage.parse(raw);
        assertEquals(List.of(new RequestedTransport(17), new EvenPort(true),
                new XorMappedAddress(address("192.0.2.1", 32853))), m.attributes());
        assertEquals("""
                0003001c 2112a442 b7e7a701bc34d686fa87dfae
                00190004 11000000
                00180001 80000000
                00200008 0001a147 e112a643""".replaceAll("\\s", ""), Hex.string(m.toBytes()));
    }

    @Test
    void paddingIsKeptForRewritingButIgnoredByEquals() throws Exception {
        byte[] raw = Hex.bytes("0001 0008 2112a442 b7e7a701bc34d686fa87dfae 8022 0001 41 ffffff");
        StunMessage parsed = StunMessage.parse(raw);
        StunMessage built = new StunMessage(StunClass.REQUEST, StunMethod.BINDING, ID, List.of(new Software("A")));
        assertArrayEquals(raw, parsed.toBytes());
        assertEquals(built, parsed);
        assertEquals("00010008 2112a442 b7e7a701bc34d686fa87dfae 80220001 41000000".replace(" ", ""), Hex.string(built.toBytes()));
    }

    @Test
    void repeatedAttributesKeepTheirOrder() throws Exception {
        StunMessage m = StunMessage.parse(StunMessage.builder(StunClass.REQUEST, StunMethod.CREATE_PERMISSION, ID)
                .add(new XorPeerAddress(address("192.0.2.1", 1)))
                .add(new XorPeerAddress(address("2001:db8::2", 2)))
                .add(new XorPeerAddress(address("192.0.2.3", 3)))
                .toBytes());
        assertEquals(List.of(
                new XorPeerAddress(address("192.0.2.1", 1)),
                new XorPeerAddress(address("2001:db8::2", 2)),
                new XorPeerAddress(address("192.0.2.3", 3))), m.all(XorPeerAddress.class));
        assertEquals(new XorPeerAddress(address("192.0.2.1", 1)), m.first(XorPeerAddress.class).orElseThrow());
    }

    @Test
    void unknownAttributesAreKeptAndComprehensionRequiredOnesReported() throws Exception {
        byte[] raw = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID)
                .add(new RawAttribute(0x0003, Hex.bytes("01020304")))
                .add(new RawAttribute(0x8005, Hex.bytes("aa")))
                .add(new RawAttribute(0x7fff, new byte[0]))
                .add(new RawAttribute(0x0003, Hex.bytes("05")))
                .add(new Priority(1))
                .toBytes();
        StunMessage m = StunMessage.parse(raw);
        assertEquals(List.of(0x0003, 0x7fff), m.unknownComprehensionRequired());
        assertEquals(new RawAttribute(0x8005, Hex.bytes("aa")), m.attributes().get(1));
        assertArrayEquals(raw, m.toBytes());
    }

    @Test
    void messageTypeInterleavesMethodAndClassBits() throws Exception {
        // RFC 8489 §5 / §6: Binding request 0x0001, indication 0x0011, success 0x0101, error 0x0111;
        // RFC 8656: Allocate 0x0003 / 0x0103 / 0x0113, Send indication 0x0016, Data indication 0x0017.
        assertEquals(0x0001, StunMessage.messageType(StunClass.REQUEST, StunMethod.BINDING));
        assertEquals(0x0011, StunMessage.messageType(StunClass.INDICATION, StunMethod.BINDING));
        assertEquals(0x0101, StunMessage.messageType(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING));
        assertEquals(0x0111, StunMessage.messageType(StunClass.ERROR_RESPONSE, StunMethod.BINDING));
        assertEquals(0x0003, StunMessage.messageType(StunClass.REQUEST, StunMethod.ALLOCATE));
        assertEquals(0x0103, StunMessage.messageType(StunClass.SUCCESS_RESPONSE, StunMethod.ALLOCATE));
        assertEquals(0x0113, StunMessage.messageType(StunClass.ERROR_RESPONSE, StunMethod.ALLOCATE));
        assertEquals(0x0004, StunMessage.messageType(StunClass.REQUEST, StunMethod.REFRESH));
        assertEquals(0x0016, StunMessage.messageType(StunClass.INDICATION, StunMethod.SEND));
        assertEquals(0x0017, StunMessage.messageType(StunClass.INDICATION, StunMethod.DATA));
        assertEquals(0x0008, StunMessage.messageType(StunClass.REQUEST, StunMethod.CREATE_PERMISSION));
        assertEquals(0x0109, StunMessage.messageType(StunClass.SUCCESS_RESPONSE, StunMethod.CHANNEL_BIND));
        assertEquals(0x3EEF, StunMessage.messageType(StunClass.REQUEST, new StunMethod(0xFFF)));
        assertEquals(0x3FFF, StunMessage.messageType(StunClass.ERROR_RESPONSE, new StunMethod(0xFFF)));
    }

    @Test
    void everyMethodAndClassRoundTrips() throws Exception {
        for (int method = 0; method <= 0xFFF; method++) {
            for (StunClass c : StunClass.values()) {
                StunMessage m = new StunMessage(c, new StunMethod(method), ID, List.of());
                assertEquals(m, StunMessage.parse(m.toBytes()));
            }
        }
    }

    @Test
    void oversizedMessagesAreRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new StunMessage(StunClass.INDICATION, StunMethod.SEND, ID,
                List.of(new Data(new byte[0x10000]))));
        assertThrows(IllegalArgumentException.class, () -> new StunMessage(StunClass.INDICATION, StunMethod.SEND, ID,
                List.of(new Data(new byte[0x8000]), new Data(new byte[0x8000]))));
        // The largest that fits: 0xFFFC bytes of attributes.
        StunMessage biggest = new StunMessage(StunClass.INDICATION, StunMethod.SEND, ID,
                List.of(new Data(new byte[0xFFF8])));
        assertEquals(20 + 0xFFFC, biggest.toBytes().length);
    }

    @Test
    void builderKeepsTheRfcOrder() {
        StunMessageBuilder afterFingerprint = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID).addFingerprint();
        assertThrows(IllegalStateException.class, () -> afterFingerprint.add(new Priority(1)));
        assertThrows(IllegalStateException.class, () -> afterFingerprint.addMessageIntegrity(new byte[1]));
        assertThrows(IllegalStateException.class, afterFingerprint::addFingerprint);

        StunMessageBuilder afterIntegrity = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID)
                .addMessageIntegrity(new byte[1]);
        assertThrows(IllegalStateException.class, () -> afterIntegrity.add(new Priority(1)));
        assertThrows(IllegalStateException.class, () -> afterIntegrity.addMessageIntegrity(new byte[1]));

        assertThrows(IllegalArgumentException.class, () -> StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, ID)
                .add(new Fingerprint(0)));
    }

    @Test
    void byteArrayValuesAreCopiedAndComparedByContent() {
        byte[] data = {1, 2, 3};
        Data attribute = new Data(data);
        data[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, attribute.data());
        attribute.data()[1] = 9;
        assertEquals(new Data(new byte[] {1, 2, 3}), attribute);
        assertNotEquals(new Data(new byte[] {1, 2}), attribute);
        assertEquals(new RawAttribute(5, new byte[] {1}), new RawAttribute(5, new byte[] {1}));
        assertEquals(new TransactionId(Rfc5769.TRANSACTION_ID).hashCode(), ID.hashCode());
    }
}
