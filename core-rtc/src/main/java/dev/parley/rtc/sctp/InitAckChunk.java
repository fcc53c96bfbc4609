package dev.parley.rtc.sctp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An INIT ACK chunk (RFC 9260 §3.3.3): the answer to an INIT, laid out as an INIT (type 2) and
 * carrying the State Cookie the initiator must echo. A missing cookie is not a parse error: the
 * association judges it (§5.1).
 *
 * @param initiateTag     the verification tag the sender wants on packets to it, 0..2^32-1
 * @param receiverWindow  a_rwnd in bytes, 0..2^32-1
 * @param outboundStreams number of outbound streams, 0..65535
 * @param inboundStreams  maximum number of inbound streams, 0..65535
 * @param initialTsn      the sender's first TSN, 0..2^32-1
 * @param parameters      parameters in wire order: State Cookie, Unrecognized Parameter, optional ones
 */
public record InitAckChunk(long initiateTag, long receiverWindow, int outboundStreams, int inboundStreams,
                           long initialTsn, List<Parameter> parameters) implements Chunk {
    public static final int TYPE = 2;

    public InitAckChunk {
        InitChunk.checkFields(initiateTag, receiverWindow, outboundStreams, inboundStreams, initialTsn);
        parameters = List.copyOf(parameters);
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** The value of the (first) State Cookie parameter, type 7 (RFC 9260 §3.3.3.1). */
    public Optional<byte[]> stateCookie() {
        return Parameter.first(parameters, Parameter.STATE_COOKIE);
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
