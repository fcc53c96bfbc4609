package dev.parley.rtc.net;

import java.net.InetAddress;
import java.util.Arrays;

/** An address block such as {@code 10.0.1.0/24} or {@code 2001:db8:1::/64}. */
record Cidr(InetAddress network, int prefixLength) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR block (address/prefix): " + text);
        }
        InetAddress address = VirtualAddresses.parse(text.substring(0, slash));
        int prefix = Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > address.getAddress().length * 8) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        return new Cidr(address, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] block = network.getAddress();
        byte[] candidate = address.getAddress();
        if (block.length != candidate.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        if (!Arrays.equals(block, 0, fullBytes, candidate, 0, fullBytes)) {
            return false;
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (block[fullBytes] & mask) == (candidate[fullBytes] & mask);
    }

    boolean overlaps(Cidr other) {
        return contains(other.network) || other.contains(network);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
