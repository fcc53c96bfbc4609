package dev.parley.rtc.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The shared value layout of MAPPED-ADDRESS (RFC 8489 §14.1) and the XOR-*-ADDRESS attributes
 * (RFC 8489 §14.2, RFC 8656 §18.3, §18.5): reserved byte, family, port, address; the XOR forms
 * XOR the port with the cookie's top 16 bits and the address with cookie (+ transaction id).
 */
final class AddressCodec {
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;
    private static final byte[] COOKIE = {0x21, 0x12, (byte) 0xA4, 0x42};

    private AddressCodec() {}

    static InetSocketAddress requireEncodable(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("a STUN address needs an IP, not the unresolved " + address);
        }
        return address;
    }

    static InetSocketAddress decode(AttributeValue v, boolean xor) throws StunParseException {
        if (v.length < 4) {
            throw v.error("length " + v.length + " is too short for an address");
        }
        // The first byte is reserved and MUST be ignored by receivers (RFC 8489 §14.1).
        int family = v.u8(1);
        int addressLength;
        if (family == FAMILY_IPV4) {
            addressLength = 4;
        } else if (family == FAMILY_IPV6) {
            addressLength = 16;
        } else {
            throw v.error(String.format("unknown address family 0x%02X", family));
        }
        v.requireLength(4 + addressLength);
        int port = v.u16(2) ^ (xor ? 0x2112 : 0);
        byte[] ip = v.bytes(4, 4 + addressLength);
        if (xor) {
            xorAddress(ip, v.transactionId);
        }
        try {
            // Inet6Address.getByAddress keeps an IPv4-mapped IPv6 address as IPv6 (InetAddress's
            // factory would turn it into IPv4), so the family round-trips.
            InetAddress address = addressLength == 4
                    ? InetAddress.getByAddress(ip)
                    : Inet6Address.getByAddress(null, ip, -1);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new AssertionError("address length was checked", e);
        }
    }

    static byte[] encode(InetSocketAddress address, boolean xor, TransactionId transactionId) {
        InetAddress ip = address.getAddress();
        byte[] raw = ip.getAddress();
        byte[] out = new byte[4 + raw.length];
        out[1] = (byte) (ip instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6);
        Bytes.put16(out, 2, address.getPort() ^ (xor ? 0x2112 : 0));
        if (xor) {
            xorAddress(raw, transactionId);
        }
        System.arraycopy(raw, 0, out, 4, raw.length);
        return out;
    }

    /** XOR with the magic cookie, followed for IPv6 by the transaction id (RFC 8489 §14.2). */
    private static void xorAddress(byte[] ip, TransactionId transactionId) {
        byte[] mask = new byte[16];
        System.arraycopy(COOKIE, 0, mask, 0, 4);
        transactionId.copyTo(mask, 4);
        for (int i = 0; i < ip.length; i++) {
            ip[i] ^= mask[i];
        }
    }
}
