package dev.parley.rtc.sctp;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A variable-length parameter of an INIT or INIT ACK chunk (RFC 9260 §3.2.1): a type-length-value
 * whose length counts the 4-byte header and the value, not the padding to 4 bytes. Every type is
 * kept as it came, known or not, so an endpoint can act on unknown ones by {@link #action()}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Parameter Type         |       Parameter Length        |
 * |                       Parameter Value                         |
 * </pre>
 *
 * @param type  parameter type, 0..65535
 * @param value the value bytes, without padding, at most 65531; not copied — treat as read-only
 */
public record Parameter(int type, byte[] value) {
    /** RFC 9260 §3.3.5: Heartbeat Info (carried in HEARTBEAT chunks, not INIT). */
    public static final int HEARTBEAT_INFO = 1;
    /** RFC 9260 §3.3.2.1.1. */
    public static final int IPV4_ADDRESS = 5;
    /** RFC 9260 §3.3.2.1.2. */
    public static final int IPV6_ADDRESS = 6;
    /** RFC 9260 §3.3.3.1: the State Cookie of an INIT ACK. */
    public static final int STATE_COOKIE = 7;
    /** RFC 9260 §3.3.3.1: an INIT's parameter the INIT ACK's sender did not recognise. */
    public static final int UNRECOGNIZED_PARAMETER = 8;
    /** RFC 9260 §3.3.2.1.3. */
    public static final int COOKIE_PRESERVATIVE = 9;
    /** RFC 9260 §3.3.2.1.5 (deprecated). */
    public static final int HOST_NAME_ADDRESS = 11;
    /** RFC 9260 §3.3.2.1.6. */
    public static final int SUPPORTED_ADDRESS_TYPES = 12;
    /** RFC 9260 Appendix A: ECN Capable, reserved. */
    public static final int ECN_CAPABLE = 0x8000;
    /** RFC 5061 §4.2.7: the chunk types the sender supports beyond RFC 9260's. */
    public static final int SUPPORTED_EXTENSIONS = 0x8008;
    /** RFC 3758 §3.1: the sender supports FORWARD TSN (partial reliability). */
    public static final int FORWARD_TSN_SUPPORTED = 0xC000;
    /** Largest value that fits the 16-bit length field with the 4-byte header. */
    public static final int MAX_VALUE_LENGTH = 0xFFFF - 4;

    public Parameter {
        Bytes.checkU16(type, "parameter type");
        Objects.requireNonNull(value, "value");
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("parameter value of " + value.length + " bytes, at most "
                    + MAX_VALUE_LENGTH);
        }
    }

    /** A State Cookie parameter (RFC 9260 §3.3.3.1) carrying these opaque bytes. */
    public static Parameter stateCookie(byte[] cookie) {
        return new Parameter(STATE_COOKIE, cookie.clone());
    }

    /** The Forward-TSN-Supported parameter (RFC 3758 §3.1): no value. */
    public static Parameter forwardTsnSupported() {
        return new Parameter(FORWARD_TSN_SUPPORTED, new byte[0]);
    }

    /** A Supported Extensions parameter (RFC 5061 §4.2.7): one byte a chunk type, in this order. */
    public static Parameter supportedExtensions(int... chunkTypes) {
        byte[] value = new byte[chunkTypes.length];
        for (int i = 0; i < chunkTypes.length; i++) {
            if (chunkTypes[i] < 0 || chunkTypes[i] > 0xFF) {
                throw new IllegalArgumentException("chunk type " + chunkTypes[i] + " out of 8-bit range");
            }
            value[i] = (byte) chunkTypes[i];
        }
        return new Parameter(SUPPORTED_EXTENSIONS, value);
    }

    /**
     * The Unrecognized Parameter parameter of an INIT ACK (RFC 9260 §3.3.3.1) reporting {@code p}:
     * its value is {@code p} whole, with type, length and value.
     */
    public static Parameter unrecognized(Parameter p) {
        return new Parameter(UNRECOGNIZED_PARAMETER, p.encoded());
    }

    /** What to do when this parameter's type is not recognised: its two highest bits (RFC 9260 §3.2.1). */
    public UnrecognizedTypeAction action() {
        return UnrecognizedTypeAction.ofBits(type >>> 14);
    }

    /** This parameter as it is on the wire: type, length and value, without padding. */
    public byte[] encoded() {
        WireWriter w = new WireWriter(4 + value.length);
        TlvCodec.write(w, type, value);
        return w.toByteArray();
    }

    /** The value of the first parameter of this type in {@code params}. */
    static Optional<byte[]> first(List<Parameter> params, int type) {
        for (Parameter p : params) {
            if (p.type == type) {
                return Optional.of(p.value);
            }
        }
        return Optional.empty();
    }

    /** The chunk types of every Supported Extensions parameter in {@code params}, in order seen. */
    static Set<Integer> supportedExtensions(List<Parameter> params) {
        Set<Integer> types = new LinkedHashSet<>();
        for (Parameter p : params) {
            if (p.type == SUPPORTED_EXTENSIONS) {
                for (byte b : p.value) {
                    types.add(b & 0xFF);
                }
            }
        }
        return Collections.unmodifiableSet(types);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.type == type && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Parameter[type=0x" + Integer.toHexString(type) + " value=" + Bytes.preview(value) + "]";
    }
}
