package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An RTP packet (RFC 3550 §5.1), immutable.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers  (0..15)    |
 * |   [profile | length]  header extension (X=1)  ...             |
 * |   payload ...                 | [padding ... | pad count]     |
 * </pre>
 *
 * <p><b>Ownership:</b> for speed on the media path, {@link #parse(byte[], int, int)} does not copy
 * the payload: the packet keeps a view into the given array, so the caller hands the array over
 * and must not modify it afterwards. Everything the packet gives out ({@link #payload()}, the
 * read-only {@link #payloadBuffer()}) keeps it immutable. Packets built with {@link Builder} copy
 * the payload once.
 *
 * <p>Unsigned 32-bit fields (timestamp, SSRC, CSRC) are {@code long}; 16-bit and smaller are {@code int}.
 * Padding bytes are written as zeros followed by the count, as RFC 3550 §5.1 describes.
 */
public final class RtpPacket {
    /** RFC 3550 §5.1: fixed header length. */
    public static final int FIXED_HEADER_LENGTH = 12;
    static final int VERSION = 2;
    private static final long[] NO_CSRCS = {};

    private final boolean marker;
    private final int payloadType;
    private final int sequenceNumber;
    private final long timestamp;
    private final long ssrc;
    private final long[] csrcs;
    private final RtpHeaderExtension extension;
    private final byte[] payloadArray;
    private final int payloadOffset;
    private final int payloadLength;
    private final int paddingLength;

    private RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, long[] csrcs,
                      RtpHeaderExtension extension, byte[] payloadArray, int payloadOffset, int payloadLength,
                      int paddingLength) {
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequenceNumber = sequenceNumber;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.csrcs = csrcs;
        this.extension = extension;
        this.payloadArray = payloadArray;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
        this.paddingLength = paddingLength;
    }

    /** Parses a whole array; see the class comment on ownership. */
    public static RtpPacket parse(byte[] buf) throws RtpParseException {
        return parse(buf, 0, buf.length);
    }

    /**
     * Parses {@code buf[off, off+len)} as one RTP packet. Offsets in errors are relative to
     * {@code off}. The packet keeps a view into {@code buf} (see the class comment).
     */
    public static RtpPacket parse(byte[] buf, int off, int len) throws RtpParseException {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new RtpParseException(0, "RTP packet: range " + off + "+" + len + " outside a " + buf.length + "-byte array");
        }
        ByteReader in = new ByteReader(buf, off, len, off);
        in.require(FIXED_HEADER_LENGTH, "RTP fixed header");
        int b0 = in.u8("RTP header");
        int version = b0 >> 6;
        if (version != VERSION) {
            throw new RtpParseException(0, "RTP header at offset 0: version " + version + ", expected 2");
        }
        boolean hasPadding = (b0 & 0x20) != 0;
        boolean hasExtension = (b0 & 0x10) != 0;
        int csrcCount = b0 & 0x0F;
        int b1 = in.u8("RTP header");
        int seq = in.u16("RTP sequence number");
        long ts = in.u32("RTP timestamp");
        long ssrc = in.u32("RTP SSRC");

        long[] csrcs = NO_CSRCS;
        if (csrcCount > 0) {
            if (in.remaining() < 4 * csrcCount) { // messages are built only on failure: hot path
                throw in.error("RTP CSRC list at offset 12: CSRC count " + csrcCount + " needs " + 4 * csrcCount
                        + " bytes, only " + in.remaining() + " remain");
            }
            csrcs = new long[csrcCount];
            for (int i = 0; i < csrcCount; i++) {
                csrcs[i] = in.u32("RTP CSRC");
            }
        }

        RtpHeaderExtension extension = null;
        if (hasExtension) { // RFC 3550 §5.3.1
            int profile = in.u16("RTP header extension profile");
            int words = in.u16("RTP header extension length");
            int extOffset = in.position();
            if (in.remaining() < 4 * words) {
                throw in.error("RTP header extension at offset " + (in.offset() - 4) + ": length " + words
                        + " words needs " + 4 * words + " bytes, only " + in.remaining() + " remain");
            }
            extension = RtpHeaderExtension.parse(profile, buf, extOffset, 4 * words, off);
            in.skip(4 * words, "RTP header extension data");
        }

        int padding = 0;
        if (hasPadding) { // RFC 3550 §5.1: the last octet counts the padding, itself included
            int afterHeader = in.remaining();
            if (afterHeader == 0) {
                throw in.error("RTP padding at offset " + in.offset() + ": P bit set but no bytes after the header");
            }
            padding = buf[off + len - 1] & 0xFF;
            if (padding == 0 || padding > afterHeader) {
                throw new RtpParseException(len - 1, "RTP padding count at offset " + (len - 1) + ": " + padding
                        + " is not within 1.." + afterHeader + " (bytes after the header)");
            }
        }
        return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7F, seq, ts, ssrc, csrcs, extension,
                buf, in.position(), in.remaining() - padding, padding);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this packet's values (payload shared until replaced; it is immutable). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.marker = marker;
        b.payloadType = payloadType;
        b.sequenceNumber = sequenceNumber;
        b.timestamp = timestamp;
        b.ssrc = ssrc;
        b.csrcs = csrcs;
        b.extension = extension;
        b.payloadArray = payloadArray;
        b.payloadOffset = payloadOffset;
        b.payloadLength = payloadLength;
        b.paddingLength = paddingLength;
        return b;
    }

    public boolean marker() {
        return marker;
    }

    /** 7-bit payload type. */
    public int payloadType() {
        return payloadType;
    }

    /** 16-bit sequence number. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** 32-bit timestamp, unsigned. */
    public long timestamp() {
        return timestamp;
    }

    /** 32-bit SSRC, unsigned. */
    public long ssrc() {
        return ssrc;
    }

    public int csrcCount() {
        return csrcs.length;
    }

    /** The CSRC list (0..15 entries), as a copy. */
    public long[] csrcs() {
        return csrcs.clone();
    }

    /** The header extension, or {@code null} when the X bit is clear. */
    public RtpHeaderExtension extension() {
        return extension;
    }

    /** Value of the RFC 8285 extension element with this local id, or {@code null}. */
    public byte[] extensionElement(int id) {
        return extension == null || !(extension.isOneByte() || extension.isTwoByte()) ? null : extension.element(id);
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return Arrays.copyOfRange(payloadArray, payloadOffset, payloadOffset + payloadLength);
    }

    /** A read-only view of the payload, without copying (position 0, limit = payload length). */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payloadArray, payloadOffset, payloadLength).slice().asReadOnlyBuffer();
    }

    /** Number of padding bytes including the count byte; 0 when the P bit is clear. */
    public int paddingLength() {
        return paddingLength;
    }

    public int headerLength() {
        return FIXED_HEADER_LENGTH + 4 * csrcs.length + (extension == null ? 0 : 4 + extension.dataLength());
    }

    /** Total length on the wire. */
    public int length() {
        return headerLength() + payloadLength + paddingLength;
    }

    public RtpPacket withSequenceNumber(int sequenceNumber) {
        return toBuilder().sequenceNumber(sequenceNumber).build();
    }

    public RtpPacket withTimestamp(long timestamp) {
        return toBuilder().timestamp(timestamp).build();
    }

    public RtpPacket withSsrc(long ssrc) {
        return toBuilder().ssrc(ssrc).build();
    }

    public RtpPacket withPayloadType(int payloadType) {
        return toBuilder().payloadType(payloadType).build();
    }

    public RtpPacket withMarker(boolean marker) {
        return toBuilder().marker(marker).build();
    }

    /** Sets an RFC 8285 extension element by local id (see {@link Builder#extensionElement}). */
    public RtpPacket withExtensionElement(int id, byte[] value) {
        return toBuilder().extensionElement(id, value).build();
    }

    /** Removes an RFC 8285 extension element by local id; drops the extension when it becomes empty. */
    public RtpPacket withoutExtensionElement(int id) {
        return toBuilder().removeExtensionElement(id).build();
    }

    public byte[] toBytes() {
        byte[] out = new byte[length()];
        writeTo(out, 0);
        return out;
    }

    /** Writes the packet at {@code dst[off]}; returns the number of bytes written ({@link #length()}). */
    public int writeTo(byte[] dst, int off) {
        int total = length();
        Objects.checkFromIndexSize(off, total, dst.length);
        dst[off] = (byte) ((VERSION << 6) | (paddingLength > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0)
                | csrcs.length);
        dst[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        dst[off + 2] = (byte) (sequenceNumber >> 8);
        dst[off + 3] = (byte) sequenceNumber;
        putU32(dst, off + 4, timestamp);
        putU32(dst, off + 8, ssrc);
        int p = off + FIXED_HEADER_LENGTH;
        for (long csrc : csrcs) {
            putU32(dst, p, csrc);
            p += 4;
        }
        if (extension != null) {
            extension.writeTo(dst, p);
            p += 4 + extension.dataLength();
        }
        System.arraycopy(payloadArray, payloadOffset, dst, p, payloadLength);
        p += payloadLength;
        if (paddingLength > 0) {
            Arrays.fill(dst, p, p + paddingLength - 1, (byte) 0);
            dst[p + paddingLength - 1] = (byte) paddingLength;
        }
        return total;
    }

    private static void putU32(byte[] dst, int p, long v) {
        dst[p] = (byte) (v >> 24);
        dst[p + 1] = (byte) (v >> 16);
        dst[p + 2] = (byte) (v >> 8);
        dst[p + 3] = (byte) v;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RtpPacket p && p.marker == marker && p.payloadType == payloadType
                && p.sequenceNumber == sequenceNumber && p.timestamp == timestamp && p.ssrc == ssrc
                && p.paddingLength == paddingLength && Arrays.equals(p.csrcs, csrcs)
                && Objects.equals(p.extension, extension)
                && Arrays.equals(p.payloadArray, p.payloadOffset, p.payloadOffset + p.payloadLength,
                        payloadArray, payloadOffset, payloadOffset + payloadLength);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc, paddingLength, extension);
        return 31 * h + Arrays.hashCode(csrcs);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc=" + ssrc
                + (marker ? ", marker" : "") + (csrcs.length > 0 ? ", csrcs=" + Arrays.toString(csrcs) : "")
                + (extension != null ? ", " + extension : "") + ", payload=" + payloadLength + " bytes"
                + (paddingLength > 0 ? ", padding=" + paddingLength : "") + "]";
    }

    /** Builds packets for packetizers; values are range-checked ({@link IllegalArgumentException}). */
    public static final class Builder {
        private static final byte[] EMPTY = {};

        private boolean marker;
        private int payloadType;
        private int sequenceNumber;
        private long timestamp;
        private long ssrc;
        private long[] csrcs = NO_CSRCS;
        private RtpHeaderExtension extension;
        private byte[] payloadArray = EMPTY;
        private int payloadOffset;
        private int payloadLength;
        private int paddingLength;

        private Builder() {}

        public Builder marker(boolean marker) {
            this.marker = marker;
            return this;
        }

        public Builder payloadType(int payloadType) {
            this.payloadType = Check.bits(payloadType, 7, "payload type");
            return this;
        }

        public Builder sequenceNumber(int sequenceNumber) {
            this.sequenceNumber = Check.bits(sequenceNumber, 16, "sequence number");
            return this;
        }

        public Builder timestamp(long timestamp) {
            this.timestamp = Check.u32(timestamp, "timestamp");
            return this;
        }

        public Builder ssrc(long ssrc) {
            this.ssrc = Check.u32(ssrc, "SSRC");
            return this;
        }

        public Builder csrcs(long... csrcs) {
            if (csrcs.length > 15) {
                throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.length);
            }
            for (long c : csrcs) {
                Check.u32(c, "CSRC");
            }
            this.csrcs = csrcs.length == 0 ? NO_CSRCS : csrcs.clone();
            return this;
        }

        /** The whole header extension, or {@code null} for none. */
        public Builder extension(RtpHeaderExtension extension) {
            this.extension = extension;
            return this;
        }

        /**
         * Sets an RFC 8285 element by local id, creating a one-byte extension if there is none
         * and moving to the two-byte form if the element needs it (id > 14, empty or > 16 bytes).
         */
        public Builder extensionElement(int id, byte[] value) {
            RtpHeaderExtension base = extension != null ? extension : RtpHeaderExtension.of(List.of());
            extension = base.withElement(id, value);
            return this;
        }

        /** Removes an RFC 8285 element; the extension goes away when no element is left. */
        public Builder removeExtensionElement(int id) {
            if (extension != null) {
                RtpHeaderExtension without = extension.withoutElement(id);
                extension = without.dataLength() == 0 ? null : without;
            }
            return this;
        }

        /** Copies the payload. */
        public Builder payload(byte[] payload) {
            return payload(payload, 0, payload.length);
        }

        /** Copies {@code payload[off, off+len)}. */
        public Builder payload(byte[] payload, int off, int len) {
            Objects.checkFromIndexSize(off, len, payload.length);
            this.payloadArray = Arrays.copyOfRange(payload, off, off + len);
            this.payloadOffset = 0;
            this.payloadLength = len;
            return this;
        }

        /** Padding length including the count byte (RFC 3550 §5.1), 0 for none, at most 255. */
        public Builder paddingLength(int paddingLength) {
            this.paddingLength = Check.bits(paddingLength, 8, "padding length");
            return this;
        }

        public RtpPacket build() {
            return new RtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extension,
                    payloadArray, payloadOffset, payloadLength, paddingLength);
        }
    }
}
