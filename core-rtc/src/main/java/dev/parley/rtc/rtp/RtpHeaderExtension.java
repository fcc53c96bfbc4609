package dev.parley.rtc.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RTP header extension block (RFC 3550 §5.3.1): a 16-bit profile and data in whole 32-bit
 * words. For the RFC 8285 profiles — one-byte {@code 0xBEDE} (§4.2) and two-byte {@code 0x100X}
 * (§4.3) — the elements can be read and replaced by local id, without knowing their URIs (mid,
 * abs-send-time, transport-wide sequence number…; the id↔URI map comes from SDP). Other profiles
 * are kept as raw words.
 *
 * <p>The data is kept exactly as received (element order, padding between elements, a trailing
 * id 15), so writing gives back the same bytes; replacing an element re-encodes canonically.
 */
public final class RtpHeaderExtension {
    /** RFC 8285 §4.2 one-byte header profile. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** RFC 8285 §4.3 two-byte header profile; the low 4 bits ("appbits") are free for the application. */
    public static final int TWO_BYTE_PROFILE = 0x1000;
    private static final int TWO_BYTE_MASK = 0xFFF0;
    /** RFC 3550 §5.3.1: the length field counts 32-bit words in 16 bits. */
    private static final int MAX_DATA_LENGTH = 0xFFFF * 4;

    private final int profile;
    private final byte[] data;

    private RtpHeaderExtension(int profile, byte[] data) {
        this.profile = profile;
        this.data = data;
    }

    /** One extension element: a local id and its value. */
    public record Element(int id, byte[] value) {
        public Element {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && e.id == id && Arrays.equals(e.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Element[id=" + id + ", value=" + RtpText.hex(value) + "]";
        }
    }

    /**
     * An extension with the given profile and raw data (a multiple of 4 bytes). For the RFC 8285
     * profiles the data must hold well-formed elements.
     */
    public static RtpHeaderExtension raw(int profile, byte[] data) {
        if ((profile & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("profile must be 16 bits: " + profile);
        }
        if (data.length % 4 != 0 || data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("extension data must be whole 32-bit words, got " + data.length + " bytes");
        }
        byte[] copy = data.clone();
        try {
            validate(profile, copy, 0, copy.length, 0);
        } catch (RtpParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new RtpHeaderExtension(profile, copy);
    }

    /**
     * Encodes elements in the one-byte form when every id is 1..14 and every value 1..16 bytes,
     * otherwise in the two-byte form (RFC 8285 §4.1.2), padded with zero bytes to a word.
     */
    public static RtpHeaderExtension of(List<Element> elements) {
        boolean oneByte = elements.stream().allMatch(RtpHeaderExtension::fitsOneByte);
        return encode(oneByte ? ONE_BYTE_PROFILE : TWO_BYTE_PROFILE, elements);
    }

    /** Parses and copies {@code buf[off, off+len)}; offsets in errors are relative to {@code origin}. */
    static RtpHeaderExtension parse(int profile, byte[] buf, int off, int len, int origin) throws RtpParseException {
        validate(profile, buf, off, len, origin);
        return new RtpHeaderExtension(profile, Arrays.copyOfRange(buf, off, off + len));
    }

    public int profile() {
        return profile;
    }

    public boolean isOneByte() {
        return profile == ONE_BYTE_PROFILE;
    }

    public boolean isTwoByte() {
        return (profile & TWO_BYTE_MASK) == TWO_BYTE_PROFILE;
    }

    /** Raw extension data (without the 4-byte profile/length word). */
    public byte[] data() {
        return data.clone();
    }

    /** Length of the data in bytes (a multiple of 4). */
    public int dataLength() {
        return data.length;
    }

    /** The elements in wire order; empty for a profile other than RFC 8285's. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>();
        walkValid((id, off, len) -> out.add(new Element(id, Arrays.copyOfRange(data, off, off + len))));
        return List.copyOf(out);
    }

    /** The value of the first element with this local id, or {@code null} if absent. */
    public byte[] element(int id) {
        int[] found = {-1, 0};
        walkValid((eid, off, len) -> {
            if (eid == id && found[0] < 0) {
                found[0] = off;
                found[1] = len;
            }
        });
        return found[0] < 0 ? null : Arrays.copyOfRange(data, found[0], found[0] + found[1]);
    }

    /**
     * A copy with the element set (replaced in place if present, else appended), switching from
     * the one-byte to the two-byte form if the new element does not fit the one-byte form.
     *
     * @throws IllegalStateException for a profile other than RFC 8285's
     */
    public RtpHeaderExtension withElement(int id, byte[] value) {
        requireRfc8285();
        Element added = new Element(id, value);
        if (id < 1 || id > 255 || value.length > 255) {
            throw new IllegalArgumentException("element id must be 1..255 and value at most 255 bytes: " + added);
        }
        List<Element> elements = new ArrayList<>(elements());
        int at = indexOf(elements, id);
        if (at >= 0) {
            elements.set(at, added);
        } else {
            elements.add(added);
        }
        boolean oneByte = isOneByte() && elements.stream().allMatch(RtpHeaderExtension::fitsOneByte);
        return encode(oneByte ? ONE_BYTE_PROFILE : (isTwoByte() ? profile : TWO_BYTE_PROFILE), elements);
    }

    /** A copy without elements of this id (in the same form); {@link IllegalStateException} as for {@link #withElement}. */
    public RtpHeaderExtension withoutElement(int id) {
        requireRfc8285();
        List<Element> elements = new ArrayList<>(elements());
        elements.removeIf(e -> e.id() == id);
        return encode(profile, elements);
    }

    void writeTo(byte[] dst, int off) {
        dst[off] = (byte) (profile >> 8);
        dst[off + 1] = (byte) profile;
        int words = data.length / 4;
        dst[off + 2] = (byte) (words >> 8);
        dst[off + 3] = (byte) words;
        System.arraycopy(data, 0, dst, off + 4, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpHeaderExtension e && e.profile == profile && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * profile + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("RtpHeaderExtension[profile=0x%04X, %s]", profile,
                isOneByte() || isTwoByte() ? elements().toString() : RtpText.hex(data));
    }

    private static boolean fitsOneByte(Element e) {
        int len = e.value.length;
        return e.id() >= 1 && e.id() <= 14 && len >= 1 && len <= 16;
    }

    private static int indexOf(List<Element> elements, int id) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void requireRfc8285() {
        if (!isOneByte() && !isTwoByte()) {
            throw new IllegalStateException(String.format("profile 0x%04X has no RFC 8285 elements", profile));
        }
    }

    private static RtpHeaderExtension encode(int profile, List<Element> elements) {
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        int size = 0;
        for (Element e : elements) {
            if (oneByte ? !fitsOneByte(e) : e.id() < 1 || e.id() > 255 || e.value.length > 255) {
                throw new IllegalArgumentException("element does not fit the chosen form: " + e);
            }
            size += (oneByte ? 1 : 2) + e.value.length;
        }
        byte[] data = new byte[(size + 3) / 4 * 4]; // zero bytes pad to a word (RFC 8285 §4.1.1)
        int p = 0;
        for (Element e : elements) {
            if (oneByte) {
                data[p++] = (byte) ((e.id() << 4) | (e.value.length - 1));
            } else {
                data[p++] = (byte) e.id();
                data[p++] = (byte) e.value.length;
            }
            System.arraycopy(e.value, 0, data, p, e.value.length);
            p += e.value.length;
        }
        if (data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("too many extension elements: " + data.length + " bytes");
        }
        return new RtpHeaderExtension(profile, data);
    }

    @FunctionalInterface
    private interface ElementSink {
        void element(int id, int off, int len);
    }

    private void walkValid(ElementSink sink) {
        try {
            walk(profile, data, 0, data.length, 0, sink);
        } catch (RtpParseException e) {
            throw new AssertionError("validated at construction", e);
        }
    }

    private static void validate(int profile, byte[] buf, int off, int len, int origin) throws RtpParseException {
        walk(profile, buf, off, len, origin, (id, o, l) -> { });
    }

    /** Visits the elements of an RFC 8285 extension; does nothing for other profiles. */
    private static void walk(int profile, byte[] buf, int off, int len, int origin, ElementSink sink)
            throws RtpParseException {
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        if (!oneByte && (profile & TWO_BYTE_MASK) != TWO_BYTE_PROFILE) {
            return;
        }
        int end = off + len;
        int p = off;
        while (p < end) {
            int b = buf[p] & 0xFF;
            if (b == 0) {
                p++; // padding byte between elements (RFC 8285 §4.1.1)
                continue;
            }
            int id;
            int valueLen;
            int headerLen;
            if (oneByte) {
                id = b >> 4;
                if (id == 0) {
                    p++; // id 0 is reserved for padding; skip a malformed one as padding, as libwebrtc does
                    continue;
                }
                if (id == 15) {
                    return; // RFC 8285 §4.2: id 15 ends processing of the extension
                }
                valueLen = (b & 0x0F) + 1;
                headerLen = 1;
            } else {
                if (p + 1 >= end) {
                    throw new RtpParseException(p - origin, "two-byte header extension element at offset "
                            + (p - origin) + ": length byte missing");
                }
                id = b;
                valueLen = buf[p + 1] & 0xFF;
                headerLen = 2;
            }
            int valueOff = p + headerLen;
            if (valueLen > end - valueOff) {
                throw new RtpParseException(p - origin, "header extension element id " + id + " at offset "
                        + (p - origin) + ": length " + valueLen + " overruns the extension by "
                        + (valueLen - (end - valueOff)) + " bytes");
            }
            sink.element(id, valueOff, valueLen);
            p = valueOff + valueLen;
        }
    }
}
