package dev.parley.rtc.sctp;

import java.util.List;
import java.util.Set;

/**
 * An INIT chunk (RFC 9260 §3.3.2): the first chunk of an association's four-way handshake.
 * Values the association must reject (a zero initiate tag, zero streams) are still parsed: only
 * malformed bytes are parse errors, the association judges the rest (§5.1).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 1    |  Chunk Flags  |      Chunk Length             |
 * |                         Initiate Tag                          |
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * |  Number of Outbound Streams   |  Number of Inbound Streams    |
 * |                          Initial TSN                          |
 * |              Optional/Variable-Length Parameters              |
 * </pre>
 *
 * @param initiateTag     the verification tag the sender wants on packets to it, 0..2^32-1
 * @param receiverWindow  a_rwnd in bytes, 0..2^32-1
 * @param outboundStreams number of outbound streams, 0..65535
 * @param inboundStreams  maximum number of inbound streams, 0..65535
 * @param initialTsn      the sender's first TSN, 0..2^32-1
 * @param parameters      optional and variable-length parameters, in wire order, unknown ones included
 */
public record InitChunk(long initiateTag, long receiverWindow, int outboundStreams, int inboundStreams,
                        long initialTsn, List<Parameter> parameters) implements Chunk {
    public static final int TYPE = 1;
    /** Bytes of the INIT (and INIT ACK) chunk before the parameters. */
    public static final int FIXED_LENGTH = 20;

    public InitChunk {
        checkFields(initiateTag, receiverWindow, outboundStreams, inboundStreams, initialTsn);
        parameters = List.copyOf(parameters);
    }

    static void checkFields(long initiateTag, long receiverWindow, int outboundStreams, int inboundStreams,
                            long initialTsn) {
        Bytes.checkU32(initiateTag, "initiate tag");
        Bytes.checkU32(receiverWindow, "a_rwnd");
        Bytes.checkU16(outboundStreams, "outbound streams");
        Bytes.checkU16(inboundStreams, "inbound streams");
        Bytes.checkU32(initialTsn, "initial TSN");
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** Whether the sender supports partial reliability: a Forward-TSN-Supported parameter (RFC 3758 §3.1). */
    public boolean forwardTsnSupported() {
        return Parameter.first(parameters, Parameter.FORWARD_TSN_SUPPORTED).isPresent();
    }

    /** The chunk types listed in Supported Extensions parameters (RFC 5061 §4.2.7); empty if none. */
    public Set<Integer> supportedExtensions() {
        return Parameter.supportedExtensions(parameters);
    }
}
