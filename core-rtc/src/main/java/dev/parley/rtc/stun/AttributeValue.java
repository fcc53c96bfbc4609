package dev.parley.rtc.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounds-checked view of one received attribute value, handed to the typed decoders. Every
 * failure becomes a {@link StunParseException} naming the attribute and its offset.
 */
final class AttributeValue {
    final int type;
    final int length;
    final TransactionId transactionId;
    private final byte[] buf;
    private final int valueStart;
    /** Offset of the attribute header from the start of the message, for error messages. */
    private final int headerOffset;

    AttributeValue(int type, byte[] buf, int valueStart, int length, int headerOffset,
            TransactionId transactionId) {
        this.type = type;
        this.buf = buf;
        this.valueStart = valueStart;
        this.length = length;
        this.headerOffset = headerOffset;
        this.transactionId = transactionId;
    }

    StunParseException error(String what) {
        return new StunParseException(headerOffset, String.format("STUN attribute 0x%04X (%s) at offset %d: %s",
                type, StunAttributeType.name(type), headerOffset, what));
    }

    void requireLength(int expected) throws StunParseException {
        if (length != expected) {
            throw error("length " + length + ", expected " + expected);
        }
    }

    int u8(int i) {
        return Bytes.u8(buf, valueStart + i);
    }

    int u16(int i) {
        return Bytes.u16(buf, valueStart + i);
    }

    long u32(int i) {
        return Bytes.u32(buf, valueStart + i);
    }

    long u64(int i) {
        return Bytes.u64(buf, valueStart + i);
    }

    byte[] bytes(int from, int to) {
        return Arrays.copyOfRange(buf, valueStart + from, valueStart + to);
    }

    byte[] bytes() {
        return bytes(0, length);
    }

    /** Strict UTF-8 (RFC 8489 text attributes are UTF-8): malformed input is an error, not U+FFFD. */
    String utf8(int from) throws StunParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, valueStart + from, length - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error("value is not valid UTF-8");
        }
    }
}
