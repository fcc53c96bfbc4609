package dev.parley.rtc.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A STUN message (RFC 8489 §5, §14): class, method, transaction id and attributes in wire order.
 *
 * <p>Parsing keeps every attribute, understood or not, so that {@link #parse} then
 * {@link #toBytes} gives back the bytes received. That includes the padding bytes after each
 * attribute: the RFC says they are ignored on receipt (and {@link #equals} ignores them), but
 * MESSAGE-INTEGRITY and FINGERPRINT cover them, so a faithful re-write must keep them. Reserved
 * bits inside typed attributes are ignored on receipt and written as zero.
 *
 * <p>Integrity and fingerprint are checked on the received bytes with {@link StunIntegrity},
 * never on a re-serialisation. Messages to send are built with {@link #builder}.
 */
public final class StunMessage {
    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** The length field is 16 bits and counts the attributes only (RFC 8489 §5). */
    static final int MAX_ATTRIBUTES_LENGTH = 0xFFFC;

    private final StunClass messageClass;
    private final StunMethod method;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes;
    private final List<StunAttribute> effectiveAttributes;
    /** Encoded value of each attribute, computed once. */
    private final byte[][] values;
    /** Received padding bytes per attribute; null (or a null entry) means zeros. */
    private final byte[][] padding;

    public StunMessage(StunClass messageClass, StunMethod method, TransactionId transactionId,
            List<StunAttribute> attributes) {
        this(messageClass, method, transactionId, attributes, null);
    }

    private StunMessage(StunClass messageClass, StunMethod method, TransactionId transactionId,
            List<StunAttribute> attributes, byte[][] padding) {
        this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
        this.method = Objects.requireNonNull(method, "method");
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.attributes = List.copyOf(attributes);
        this.padding = padding;
        this.values = new byte[this.attributes.size()][];
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = this.attributes.get(i).encodeValue(transactionId);
            if (values[i].length > 0xFFFF) {
                throw new IllegalArgumentException(StunAttributeType.name(this.attributes.get(i).type())
                        + " value of " + values[i].length + " bytes does not fit a 16-bit length");
            }
            total += 4 + Bytes.padded(values[i].length);
        }
        if (total > MAX_ATTRIBUTES_LENGTH) {
            throw new IllegalArgumentException(total + " bytes of attributes do not fit a STUN message");
        }
        this.effectiveAttributes = effective(this.attributes);
    }

    public static StunMessageBuilder builder(StunClass messageClass, StunMethod method, TransactionId transactionId) {
        return new StunMessageBuilder(messageClass, method, transactionId);
    }

    /**
     * A cheap test for the demultiplexer (RFC 7983, RFC 8489 §5): top two bits zero, magic
     * cookie, and a length field that is a multiple of 4 and matches the bytes present. Never
     * throws, whatever the arguments.
     */
    public static boolean looksLikeStun(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
            return false;
        }
        int length = Bytes.u16(buf, off + 2);
        return (buf[off] & 0xC0) == 0
                && Bytes.u32(buf, off + 4) == (MAGIC_COOKIE & 0xFFFF_FFFFL)
                && length % 4 == 0
                && length == len - HEADER_LENGTH;
    }

    public static StunMessage parse(byte[] raw) throws StunParseException {
        return parse(raw, 0, raw.length);
    }

    /**
     * Parses exactly {@code len} bytes at {@code off} as one message; offsets in errors count
     * from {@code off}.
     *
     * @throws StunParseException if the bytes are not a well-formed STUN message
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf} (a caller bug)
     */
    public static StunMessage parse(byte[] buf, int off, int len) throws StunParseException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < HEADER_LENGTH) {
            throw new StunParseException(0, "STUN message of " + len + " bytes is shorter than the 20-byte header");
        }
        // RFC 8489 §5: the most significant two bits of every STUN message are zero.
        if ((buf[off] & 0xC0) != 0) {
            throw new StunParseException(0, String.format(
                    "STUN header at offset 0: first two bits must be zero (first byte 0x%02X)", buf[off] & 0xFF));
        }
        long cookie = Bytes.u32(buf, off + 4);
        if (cookie != (MAGIC_COOKIE & 0xFFFF_FFFFL)) {
            throw new StunParseException(4, String.format(
                    "STUN header at offset 4: magic cookie 0x%08X, expected 0x2112A442", cookie));
        }
        int length = Bytes.u16(buf, off + 2);
        if (length % 4 != 0) {
            throw new StunParseException(2, "STUN header at offset 2: length " + length + " is not a multiple of 4");
        }
        if (length != len - HEADER_LENGTH) {
            throw new StunParseException(2, "STUN header at offset 2: length " + length
                    + " but " + (len - HEADER_LENGTH) + " bytes follow the header");
        }
        int type = Bytes.u16(buf, off);
        TransactionId transactionId = new TransactionId(Arrays.copyOfRange(buf, off + 8, off + HEADER_LENGTH));

        List<StunAttribute> attributes = new ArrayList<>();
        List<byte[]> padding = new ArrayList<>();
        int pos = HEADER_LENGTH;
        // Each pass consumes at least the 4-byte attribute header, so the loop always ends.
        while (pos < len) {
            int attrType = Bytes.u16(buf, off + pos);
            int attrLength = Bytes.u16(buf, off + pos + 2);
            int remaining = len - pos - 4;
            if (attrLength > remaining) {
                throw new StunParseException(pos, String.format(
                        "STUN attribute 0x%04X at offset %d: length %d exceeds remaining %d bytes",
                        attrType, pos, attrLength, remaining));
            }
            int valueStart = off + pos + 4;
            attributes.add(AttributeDecoder.decode(
                    new AttributeValue(attrType, buf, valueStart, attrLength, pos, transactionId)));
            // remaining is a multiple of 4 (length is), so the padded value fits as well.
            int paddedLength = Bytes.padded(attrLength);
            padding.add(Arrays.copyOfRange(buf, valueStart + attrLength, valueStart + paddedLength));
            pos += 4 + paddedLength;
        }
        return new StunMessage(StunClass.fromBits(classBits(type)), new StunMethod(methodBits(type)),
                transactionId, attributes, padding.toArray(new byte[0][]));
    }

    /** The message as bytes; a parsed message gives back exactly the bytes it was parsed from. */
    public byte[] toBytes() {
        int total = HEADER_LENGTH;
        for (byte[] value : values) {
            total += 4 + Bytes.padded(value.length);
        }
        byte[] out = new byte[total];
        Bytes.put16(out, 0, messageType(messageClass, method));
        Bytes.put16(out, 2, total - HEADER_LENGTH);
        Bytes.put32(out, 4, MAGIC_COOKIE);
        transactionId.copyTo(out, 8);
        int pos = HEADER_LENGTH;
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i];
            Bytes.put16(out, pos, attributes.get(i).type());
            Bytes.put16(out, pos + 2, value.length);
            System.arraycopy(value, 0, out, pos + 4, value.length);
            int padLength = Bytes.padded(value.length) - value.length;
            if (padding != null && padding[i] != null && padding[i].length == padLength) {
                System.arraycopy(padding[i], 0, out, pos + 4 + value.length, padLength);
            }
            pos += 4 + value.length + padLength;
        }
        return out;
    }

    /**
     * The 14-bit message type: method bits M0–M11 interleaved with class bits C0, C1
     * (RFC 8489 §5, Figure 3).
     */
    static int messageType(StunClass messageClass, StunMethod method) {
        int m = method.code();
        int c = messageClass.bits;
        return (m & 0x000F) | (m & 0x0070) << 1 | (m & 0x0F80) << 2 | (c & 1) << 4 | (c & 2) << 7;
    }

    private static int methodBits(int type) {
        return (type & 0x000F) | (type >> 1 & 0x0070) | (type >> 2 & 0x0F80);
    }

    private static int classBits(int type) {
        return (type >> 4 & 1) | (type >> 7 & 2);
    }

    public StunClass messageClass() {
        return messageClass;
    }

    public StunMethod method() {
        return method;
    }

    public TransactionId transactionId() {
        return transactionId;
    }

    /** Every attribute in wire order, including any an agent must ignore. */
    public List<StunAttribute> attributes() {
        return attributes;
    }

    /**
     * The attributes an agent acts on: those before MESSAGE-INTEGRITY, then only
     * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT after it (RFC 8489 §14.5, §14.6), and nothing
     * after FINGERPRINT, which must be last (§14.7).
     */
    public List<StunAttribute> effectiveAttributes() {
        return effectiveAttributes;
    }

    /** The first effective attribute of the given kind. */
    public <T extends StunAttribute> Optional<T> first(Class<T> kind) {
        for (StunAttribute a : effectiveAttributes) {
            if (kind.isInstance(a)) {
                return Optional.of(kind.cast(a));
            }
        }
        return Optional.empty();
    }

    /** All effective attributes of the given kind, in order (e.g. repeated XOR-PEER-ADDRESS). */
    public <T extends StunAttribute> List<T> all(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (StunAttribute a : effectiveAttributes) {
            if (kind.isInstance(a)) {
                out.add(kind.cast(a));
            }
        }
        return out;
    }

    /**
     * Effective attribute types in 0x0000–0x7FFF this package does not understand, without
     * repeats: a request carrying any must be answered with 420 and UNKNOWN-ATTRIBUTES
     * listing them (RFC 8489 §6.3.1.1).
     */
    public List<Integer> unknownComprehensionRequired() {
        Set<Integer> unknown = new LinkedHashSet<>();
        for (StunAttribute a : effectiveAttributes) {
            if (a instanceof RawAttribute && StunAttributeType.isComprehensionRequired(a.type())) {
                unknown.add(a.type());
            }
        }
        return List.copyOf(unknown);
    }

    private static List<StunAttribute> effective(List<StunAttribute> all) {
        List<StunAttribute> out = new ArrayList<>(all.size());
        boolean afterIntegrity = false;
        boolean afterIntegritySha256 = false;
        for (StunAttribute a : all) {
            int type = a.type();
            if (type == StunAttributeType.FINGERPRINT) {
                out.add(a);
                break;
            } else if (afterIntegritySha256) {
                continue;
            } else if (type == StunAttributeType.MESSAGE_INTEGRITY_SHA256) {
                out.add(a);
                afterIntegritySha256 = true;
            } else if (!afterIntegrity) {
                out.add(a);
                afterIntegrity = type == StunAttributeType.MESSAGE_INTEGRITY;
            }
        }
        return List.copyOf(out);
    }

    /** Equal class, method, transaction id and attributes; padding bytes are ignored, as on receipt. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StunMessage other
                && messageClass == other.messageClass
                && method.equals(other.method)
                && transactionId.equals(other.transactionId)
                && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageClass, method, transactionId, attributes);
    }

    @Override
    public String toString() {
        return "StunMessage[" + method + " " + messageClass + " " + transactionId + " " + attributes + "]";
    }
}
