package dev.parley.rtc.sctp;

import dev.parley.rtc.sctp.ReconfigParameter.AddStreamsRequest;
import dev.parley.rtc.sctp.ReconfigParameter.IncomingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.OutgoingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.ReconfigResponse;
import dev.parley.rtc.sctp.ReconfigParameter.SsnTsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.UnknownReconfigParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads and writes the parameters of a RE-CONFIG chunk (RFC 6525 §4.1–§4.6), each a TLV as in
 * RFC 9260 §3.2.1 (see {@link TlvCodec} for padding). Lengths are checked against each type's
 * layout; a stream list of odd byte length is a {@link SctpParseException}.
 */
final class ReconfigCodec {
    private ReconfigCodec() {}

    static List<ReconfigParameter> readAll(WireReader in) throws SctpParseException {
        return TlvCodec.readAll(in, "RE-CONFIG parameter", ReconfigCodec::parse);
    }

    private static ReconfigParameter parse(int type, WireReader in) throws SctpParseException {
        int length = 4 + in.remaining();
        int at = in.offset() - 4;
        switch (type) {
            case OutgoingSsnResetRequest.TYPE: { // §4.1
                streamListLength("Outgoing SSN Reset Request", length, 16, at);
                long request = in.u32("request sequence number");
                long response = in.u32("response sequence number");
                long lastTsn = in.u32("sender's last assigned TSN");
                return new OutgoingSsnResetRequest(request, response, lastTsn, streams(in));
            }
            case IncomingSsnResetRequest.TYPE: // §4.2
                streamListLength("Incoming SSN Reset Request", length, 8, at);
                return new IncomingSsnResetRequest(in.u32("request sequence number"), streams(in));
            case SsnTsnResetRequest.TYPE: // §4.3
                fixedLength("SSN/TSN Reset Request", length, 8, at);
                return new SsnTsnResetRequest(in.u32("request sequence number"));
            case ReconfigResponse.TYPE: { // §4.4
                if (length != 12 && length != 20) {
                    throw new SctpParseException("Re-configuration Response at offset " + at + ": length " + length
                            + ", expected 12 or 20");
                }
                long response = in.u32("response sequence number");
                int result = (int) in.u32("result");
                if (length == 12) {
                    return new ReconfigResponse(response, result);
                }
                long senderNext = in.u32("sender's next TSN");
                long receiverNext = in.u32("receiver's next TSN");
                return new ReconfigResponse(response, result, OptionalLong.of(senderNext),
                        OptionalLong.of(receiverNext));
            }
            case AddStreamsRequest.OUTGOING: // §4.5
            case AddStreamsRequest.INCOMING: { // §4.6
                fixedLength("Add Streams Request", length, 12, at);
                long request = in.u32("request sequence number");
                int streams = in.u16("number of new streams");
                in.u16("reserved");
                return new AddStreamsRequest(type, request, streams);
            }
            default:
                return new UnknownReconfigParameter(type, in.bytes(in.remaining(), "parameter value"));
        }
    }

    private static void streamListLength(String name, int length, int fixed, int at) throws SctpParseException {
        if (length < fixed || (length - fixed) % 2 != 0) {
            throw new SctpParseException(name + " at offset " + at + ": length " + length + " is not " + fixed
                    + " plus 2 bytes a stream");
        }
    }

    private static void fixedLength(String name, int length, int expected, int at) throws SctpParseException {
        if (length != expected) {
            throw new SctpParseException(name + " at offset " + at + ": length " + length + ", expected " + expected);
        }
    }

    private static List<Integer> streams(WireReader in) throws SctpParseException {
        List<Integer> ids = new ArrayList<>(in.remaining() / 2);
        while (in.remaining() > 0) {
            ids.add(in.u16("stream number"));
        }
        return ids;
    }

    static void writeAll(WireWriter w, List<ReconfigParameter> params) {
        TlvCodec.writeAll(w, params, ReconfigCodec::writeValue, ReconfigParameter::type);
    }

    private static void writeValue(ReconfigParameter p, WireWriter w) {
        if (p instanceof OutgoingSsnResetRequest r) {
            w.u32(r.requestSequence());
            w.u32(r.responseSequence());
            w.u32(r.senderLastAssignedTsn());
            r.streamIds().forEach(w::u16);
        } else if (p instanceof IncomingSsnResetRequest r) {
            w.u32(r.requestSequence());
            r.streamIds().forEach(w::u16);
        } else if (p instanceof SsnTsnResetRequest r) {
            w.u32(r.requestSequence());
        } else if (p instanceof ReconfigResponse r) {
            w.u32(r.responseSequence());
            w.u32(r.result() & 0xFFFF_FFFFL);
            if (r.senderNextTsn().isPresent()) {
                w.u32(r.senderNextTsn().getAsLong());
                w.u32(r.receiverNextTsn().getAsLong());
            }
        } else if (p instanceof AddStreamsRequest r) {
            w.u32(r.requestSequence());
            w.u16(r.newStreams());
            w.u16(0);
        } else if (p instanceof UnknownReconfigParameter u) {
            w.bytes(u.value());
        }
    }
}
