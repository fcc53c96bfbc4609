package dev.parley.rtc.sctp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An error cause of an ERROR or ABORT chunk (RFC 9260 §3.3.10): a code and the cause-specific
 * information, kept as bytes whatever the code. The factories build the information the RFC
 * defines for each code.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Cause Code          |         Cause Length          |
 * |                   Cause-Specific Information                  |
 * </pre>
 *
 * @param code cause code, 0..65535
 * @param info the cause-specific information, without padding; not copied — treat as read-only
 */
public record ErrorCause(int code, byte[] info) {
    /** §3.3.10.1: stream identifier (16 bits) and 16 reserved bits. */
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    /** §3.3.10.2: count (32 bits) and the missing parameter types (16 bits each). */
    public static final int MISSING_MANDATORY_PARAMETER = 2;
    /** §3.3.10.3: measure of staleness in microseconds (32 bits). */
    public static final int STALE_COOKIE = 3;
    /** §3.3.10.4: no information. */
    public static final int OUT_OF_RESOURCE = 4;
    /** §3.3.10.5: the unresolvable address parameter. */
    public static final int UNRESOLVABLE_ADDRESS = 5;
    /** §3.3.10.6: the whole unrecognized chunk. */
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
    /** §3.3.10.7: no information. */
    public static final int INVALID_MANDATORY_PARAMETER = 7;
    /** §3.3.10.8: the unrecognized parameters, whole. */
    public static final int UNRECOGNIZED_PARAMETERS = 8;
    /** §3.3.10.9: the TSN of the DATA chunk without user data (32 bits). */
    public static final int NO_USER_DATA = 9;
    /** §3.3.10.10: no information. */
    public static final int COOKIE_RECEIVED_WHILE_SHUTTING_DOWN = 10;
    /** §3.3.10.11: the new address parameters. */
    public static final int RESTART_WITH_NEW_ADDRESSES = 11;
    /** §3.3.10.12: the upper layer's abort reason. */
    public static final int USER_INITIATED_ABORT = 12;
    /** §3.3.10.13: additional information about the violation. */
    public static final int PROTOCOL_VIOLATION = 13;
    /** Largest information that fits the 16-bit length field with the 4-byte header. */
    public static final int MAX_INFO_LENGTH = 0xFFFF - 4;

    private static final byte[] NONE = {};

    public ErrorCause {
        Bytes.checkU16(code, "cause code");
        Objects.requireNonNull(info, "info");
        if (info.length > MAX_INFO_LENGTH) {
            throw new IllegalArgumentException("cause information of " + info.length + " bytes, at most "
                    + MAX_INFO_LENGTH);
        }
    }

    /** §3.3.10.1: a DATA chunk was sent to a stream that does not exist. */
    public static ErrorCause invalidStreamIdentifier(int streamId) {
        Bytes.checkU16(streamId, "stream id");
        WireWriter w = new WireWriter(4);
        w.u16(streamId);
        w.u16(0);
        return new ErrorCause(INVALID_STREAM_IDENTIFIER, w.toByteArray());
    }

    /** §3.3.10.2: these mandatory parameter types were missing from an INIT or INIT ACK. */
    public static ErrorCause missingMandatoryParameters(int... parameterTypes) {
        WireWriter w = new WireWriter(4 + 2 * parameterTypes.length);
        w.u32(parameterTypes.length);
        for (int t : parameterTypes) {
            Bytes.checkU16(t, "parameter type");
            w.u16(t);
        }
        return new ErrorCause(MISSING_MANDATORY_PARAMETER, w.toByteArray());
    }

    /** §3.3.10.3: a State Cookie arrived this many microseconds past its life span. */
    public static ErrorCause staleCookie(long stalenessMicros) {
        Bytes.checkU32(stalenessMicros, "staleness");
        WireWriter w = new WireWriter(4);
        w.u32(stalenessMicros);
        return new ErrorCause(STALE_COOKIE, w.toByteArray());
    }

    /** §3.3.10.4. */
    public static ErrorCause outOfResource() {
        return new ErrorCause(OUT_OF_RESOURCE, NONE);
    }

    /** §3.3.10.6: {@code chunkBytes} is the unrecognized chunk with its type, flags and length. */
    public static ErrorCause unrecognizedChunk(byte[] chunkBytes) {
        return new ErrorCause(UNRECOGNIZED_CHUNK_TYPE, chunkBytes.clone());
    }

    /** §3.3.10.7. */
    public static ErrorCause invalidMandatoryParameter() {
        return new ErrorCause(INVALID_MANDATORY_PARAMETER, NONE);
    }

    /** §3.3.10.8: the parameters, whole and padded between one another as in their chunk. */
    public static ErrorCause unrecognizedParameters(Parameter... params) {
        WireWriter w = new WireWriter(64);
        boolean first = true;
        for (Parameter p : params) {
            if (!first) {
                w.pad();
            }
            first = false;
            TlvCodec.write(w, p.type(), p.value());
        }
        return new ErrorCause(UNRECOGNIZED_PARAMETERS, w.toByteArray());
    }

    /** §3.3.10.9: the DATA chunk with this TSN had no user data. */
    public static ErrorCause noUserData(long tsn) {
        Bytes.checkU32(tsn, "TSN");
        WireWriter w = new WireWriter(4);
        w.u32(tsn);
        return new ErrorCause(NO_USER_DATA, w.toByteArray());
    }

    /** §3.3.10.10. */
    public static ErrorCause cookieReceivedWhileShuttingDown() {
        return new ErrorCause(COOKIE_RECEIVED_WHILE_SHUTTING_DOWN, NONE);
    }

    /** §3.3.10.12: the reason, in UTF-8 (may be empty). */
    public static ErrorCause userInitiatedAbort(String reason) {
        return new ErrorCause(USER_INITIATED_ABORT, reason.getBytes(StandardCharsets.UTF_8));
    }

    /** §3.3.10.13: a description of the violation, in UTF-8 (may be empty). */
    public static ErrorCause protocolViolation(String description) {
        return new ErrorCause(PROTOCOL_VIOLATION, description.getBytes(StandardCharsets.UTF_8));
    }

    /** The information read as UTF-8 text: meant for the reasons of codes 12 and 13. */
    public String infoText() {
        return new String(info, StandardCharsets.UTF_8);
    }

    /** This cause as it is on the wire: code, length and information, without padding. */
    public byte[] encoded() {
        WireWriter w = new WireWriter(4 + info.length);
        TlvCodec.write(w, code, info);
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorCause c && c.code == code && Arrays.equals(c.info, info);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return "ErrorCause[code=" + code + " info=" + Bytes.preview(info) + "]";
    }
}
