package dev.parley.rtc.sctp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A stream reconfiguration parameter of a RE-CONFIG chunk (RFC 6525 §4). Known types are parsed
 * into their own records; any other type is kept as an {@link UnknownReconfigParameter}.
 * Sequence numbers and TSNs are unsigned 32-bit values in {@code long}s, stream ids 0..65535.
 */
public sealed interface ReconfigParameter {
    /** The parameter type on the wire. */
    int type();

    /**
     * Outgoing SSN Reset Request (RFC 6525 §4.1, type 13): the sender resets these of its
     * outgoing streams (all of them if the list is empty) once it has sent DATA up to
     * {@code senderLastAssignedTsn}.
     *
     * <pre>
     * | Parameter Type = 13           | Parameter Length = 16 + 2 * N |
     * |           Re-configuration Request Sequence Number            |
     * |           Re-configuration Response Sequence Number           |
     * |                Sender's Last Assigned TSN                     |
     * |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
     * </pre>
     */
    record OutgoingSsnResetRequest(long requestSequence, long responseSequence, long senderLastAssignedTsn,
                                   List<Integer> streamIds) implements ReconfigParameter {
        public static final int TYPE = 13;

        public OutgoingSsnResetRequest {
            Bytes.checkU32(requestSequence, "request sequence number");
            Bytes.checkU32(responseSequence, "response sequence number");
            Bytes.checkU32(senderLastAssignedTsn, "sender's last assigned TSN");
            streamIds = checkStreams(streamIds, (0xFFFF - 16) / 2);
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * Incoming SSN Reset Request (RFC 6525 §4.2, type 14): the sender asks the peer to reset these
     * of the peer's outgoing streams (all if empty).
     *
     * <pre>
     * | Parameter Type = 14           | Parameter Length = 8 + 2 * N  |
     * |           Re-configuration Request Sequence Number            |
     * |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
     * </pre>
     */
    record IncomingSsnResetRequest(long requestSequence, List<Integer> streamIds) implements ReconfigParameter {
        public static final int TYPE = 14;

        public IncomingSsnResetRequest {
            Bytes.checkU32(requestSequence, "request sequence number");
            streamIds = checkStreams(streamIds, (0xFFFF - 8) / 2);
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** SSN/TSN Reset Request (RFC 6525 §4.3, type 15, length 8): reset all streams and the TSNs. */
    record SsnTsnResetRequest(long requestSequence) implements ReconfigParameter {
        public static final int TYPE = 15;

        public SsnTsnResetRequest {
            Bytes.checkU32(requestSequence, "request sequence number");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * Re-configuration Response (RFC 6525 §4.4, type 16): the result of the request with
     * {@code responseSequence}. The two next-TSN fields are present together (length 20) only in
     * an answer to an SSN/TSN Reset Request, and absent otherwise (length 12).
     *
     * <pre>
     * | Parameter Type = 16           | Parameter Length              |
     * |           Re-configuration Response Sequence Number           |
     * |                            Result                             |
     * |                   Sender's Next TSN (optional)                |
     * |                  Receiver's Next TSN (optional)               |
     * </pre>
     *
     * @param result the 32-bit result as it is on the wire (values past 2^31-1 read negative);
     *               one of the {@code SUCCESS_…}, {@code DENIED}, {@code ERROR_…}, {@code IN_PROGRESS} codes
     */
    record ReconfigResponse(long responseSequence, int result, OptionalLong senderNextTsn,
                            OptionalLong receiverNextTsn) implements ReconfigParameter {
        public static final int TYPE = 16;
        public static final int SUCCESS_NOTHING_TO_DO = 0;
        public static final int SUCCESS_PERFORMED = 1;
        public static final int DENIED = 2;
        public static final int ERROR_WRONG_SSN = 3;
        public static final int ERROR_REQUEST_ALREADY_IN_PROGRESS = 4;
        public static final int ERROR_BAD_SEQUENCE_NUMBER = 5;
        public static final int IN_PROGRESS = 6;

        public ReconfigResponse {
            Bytes.checkU32(responseSequence, "response sequence number");
            Objects.requireNonNull(senderNextTsn, "senderNextTsn");
            Objects.requireNonNull(receiverNextTsn, "receiverNextTsn");
            if (senderNextTsn.isPresent() != receiverNextTsn.isPresent()) {
                throw new IllegalArgumentException("sender's and receiver's next TSN go together");
            }
            if (senderNextTsn.isPresent()) {
                Bytes.checkU32(senderNextTsn.getAsLong(), "sender's next TSN");
                Bytes.checkU32(receiverNextTsn.getAsLong(), "receiver's next TSN");
            }
        }

        /** A response without the next-TSN fields, as answers all but SSN/TSN Reset Requests. */
        public ReconfigResponse(long responseSequence, int result) {
            this(responseSequence, result, OptionalLong.empty(), OptionalLong.empty());
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * Add Outgoing Streams Request (RFC 6525 §4.5, type 17) or Add Incoming Streams Request
     * (§4.6, type 18), length 12; the 16 reserved bits after the count are written as zeros.
     *
     * @param param {@link #OUTGOING} or {@link #INCOMING}
     */
    record AddStreamsRequest(int param, long requestSequence, int newStreams) implements ReconfigParameter {
        public static final int OUTGOING = 17;
        public static final int INCOMING = 18;

        public AddStreamsRequest {
            if (param != OUTGOING && param != INCOMING) {
                throw new IllegalArgumentException("add streams parameter type " + param + ", expected 17 or 18");
            }
            Bytes.checkU32(requestSequence, "request sequence number");
            Bytes.checkU16(newStreams, "number of new streams");
        }

        @Override
        public int type() {
            return param;
        }
    }

    /**
     * A parameter of a type RFC 6525 does not define, kept as it came.
     *
     * @param value the value, without padding; not copied — treat as read-only
     */
    record UnknownReconfigParameter(int type, byte[] value) implements ReconfigParameter {
        public UnknownReconfigParameter {
            Bytes.checkU16(type, "parameter type");
            if (type >= OutgoingSsnResetRequest.TYPE && type <= AddStreamsRequest.INCOMING) {
                throw new IllegalArgumentException("parameter type " + type + " is parsed into its own record");
            }
            Objects.requireNonNull(value, "value");
            if (value.length > Parameter.MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("parameter value of " + value.length + " bytes, at most "
                        + Parameter.MAX_VALUE_LENGTH);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnknownReconfigParameter u && u.type == type && Arrays.equals(u.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "UnknownReconfigParameter[type=" + type + " value=" + Bytes.preview(value) + "]";
        }
    }

    private static List<Integer> checkStreams(List<Integer> streamIds, int max) {
        List<Integer> copy = List.copyOf(streamIds);
        if (copy.size() > max) {
            throw new IllegalArgumentException(copy.size() + " stream ids, at most " + max + " fit one parameter");
        }
        for (int id : copy) {
            Bytes.checkU16(id, "stream id");
        }
        return copy;
    }
}
