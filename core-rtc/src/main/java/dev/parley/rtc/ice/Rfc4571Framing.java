package dev.parley.rtc.ice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Framing of STUN, DTLS and RTP packets on an ICE-TCP stream (RFC 6544 §3 uses RFC 4571 §2): each
 * packet is preceded by its length as a 16-bit big-endian number. One instance per connection
 * reassembles frames from arbitrary chunks; it never holds more than one partial frame (at most
 * 65,537 bytes), whatever the peer sends.
 */
final class Rfc4571Framing {
    static final int MAX_FRAME = 0xFFFF;

    private final byte[] pending = new byte[2 + MAX_FRAME];
    private int pendingLength;

    /** Prefixes {@code packet} with its length. */
    static byte[] frame(byte[] packet, int offset, int length) {
        if (length > MAX_FRAME) {
            throw new IllegalArgumentException("packet of " + length + " bytes exceeds the RFC 4571 limit of 65535");
        }
        byte[] framed = new byte[2 + length];
        framed[0] = (byte) (length >>> 8);
        framed[1] = (byte) length;
        System.arraycopy(packet, offset, framed, 2, length);
        return framed;
    }

    /** Adds received bytes; returns the packets they complete, in order (possibly none). */
    List<byte[]> feed(byte[] data) {
        List<byte[]> packets = new ArrayList<>(1);
        int at = 0;
        while (at < data.length) {
            int want = pendingLength < 2 ? 2 : 2 + frameLength();
            int take = Math.min(want - pendingLength, data.length - at);
            System.arraycopy(data, at, pending, pendingLength, take);
            pendingLength += take;
            at += take;
            if (pendingLength >= 2 && pendingLength == 2 + frameLength()) {
                packets.add(Arrays.copyOfRange(pending, 2, pendingLength));
                pendingLength = 0;
            }
        }
        return packets;
    }

    private int frameLength() {
        return ((pending[0] & 0xFF) << 8) | (pending[1] & 0xFF);
    }
}
