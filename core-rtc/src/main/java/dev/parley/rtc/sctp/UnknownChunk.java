package dev.parley.rtc.sctp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A chunk of a type this package does not parse (RFC 9260 §3.2), kept as it came: I-DATA (RFC
 * 8260), ASCONF (RFC 5061), AUTH (RFC 4895), PAD (RFC 4820), ECNE/CWR and anything newer. The
 * receiver acts on it by {@link #action()} and can report it with
 * {@code ErrorCause.unrecognizedChunk(chunk.encoded())}.
 *
 * @param type  chunk type, 0..255, not one of the types this package parses
 * @param flags chunk flags, 0..255
 * @param value the chunk value, without padding, at most 65531 bytes; not copied — treat as read-only
 */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {
    /** I-DATA (RFC 8260 §2.1): not parsed, since WebRTC peers here do not negotiate it. */
    public static final int I_DATA = 64;
    /** ASCONF (RFC 5061 §4.1.2). */
    public static final int ASCONF = 193;
    /** ASCONF-ACK (RFC 5061 §4.1.3). */
    public static final int ASCONF_ACK = 128;
    public static final int MAX_VALUE_LENGTH = 0xFFFF - 4;

    public UnknownChunk {
        if (type < 0 || type > 0xFF || flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("chunk type " + type + "/flags " + flags + " out of 8-bit range");
        }
        if (ChunkCodec.isParsed(type)) {
            throw new IllegalArgumentException("chunk type " + type + " is parsed into its own record");
        }
        Objects.requireNonNull(value, "value");
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("chunk value of " + value.length + " bytes, at most " + MAX_VALUE_LENGTH);
        }
    }

    /** What the receiver does with this chunk: its type's two highest bits (RFC 9260 §3.2). */
    public UnrecognizedTypeAction action() {
        return UnrecognizedTypeAction.ofBits(type >>> 6);
    }

    /** This chunk as it is on the wire: type, flags, length and value, without padding (§3.3.10.6). */
    public byte[] encoded() {
        WireWriter w = new WireWriter(4 + value.length);
        w.u8(type);
        w.u8(flags);
        w.u16(4 + value.length);
        w.bytes(value);
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownChunk u && u.type == type && u.flags == flags && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return (31 * type + flags) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "UnknownChunk[type=" + type + " flags=0x" + Integer.toHexString(flags) + " value="
                + Bytes.preview(value) + "]";
    }
}
