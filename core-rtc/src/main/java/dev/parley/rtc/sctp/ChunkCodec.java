package dev.parley.rtc.sctp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the chunks of RFC 9260 §3.3, RFC 3758 §3.2 and RFC 6525 §3.1 (the RE-CONFIG
 * parameters are {@link ReconfigCodec}'s). Every length is checked against the chunk's own
 * layout: a chunk that is too short, too long for its fixed layout, or whose counts disagree
 * with its length is a {@link SctpParseException}. Reserved flag bits are ignored on reading
 * and written as zeros (§3.2).
 */
final class ChunkCodec {
    /** DATA flags (RFC 9260 §3.3.1, RFC 7053 §3). */
    private static final int FLAG_E = 0x01;
    private static final int FLAG_B = 0x02;
    private static final int FLAG_U = 0x04;
    private static final int FLAG_I = 0x08;
    /** The T bit of ABORT and SHUTDOWN COMPLETE (RFC 9260 §3.3.7, §3.3.13). */
    private static final int FLAG_T = 0x01;

    private ChunkCodec() {}

    /** Whether {@code type} is parsed into its own record (anything else is an {@link UnknownChunk}). */
    static boolean isParsed(int type) {
        switch (type) {
            case DataChunk.TYPE, InitChunk.TYPE, InitAckChunk.TYPE, SackChunk.TYPE, HeartbeatChunk.TYPE,
                    HeartbeatAckChunk.TYPE, AbortChunk.TYPE, ShutdownChunk.TYPE, ShutdownAckChunk.TYPE,
                    ErrorChunk.TYPE, CookieEchoChunk.TYPE, CookieAckChunk.TYPE, ShutdownCompleteChunk.TYPE,
                    ReconfigChunk.TYPE, ForwardTsnChunk.TYPE:
                return true;
            default:
                return false;
        }
    }

    /**
     * Parses one chunk whose 4-byte header (at packet offset {@code at}) has been read;
     * {@code value} covers exactly the chunk value (length minus header, without padding).
     */
    static Chunk parse(int type, int flags, WireReader value, int at, long verificationTag)
            throws SctpParseException {
        switch (type) {
            case DataChunk.TYPE:
                return data(flags, value, at, verificationTag);
            case InitChunk.TYPE:
            case InitAckChunk.TYPE:
                return init(type, value, at);
            case SackChunk.TYPE:
                return sack(value, at);
            case HeartbeatChunk.TYPE:
                return new HeartbeatChunk(heartbeatInfo("HEARTBEAT", value, at));
            case HeartbeatAckChunk.TYPE:
                return new HeartbeatAckChunk(heartbeatInfo("HEARTBEAT ACK", value, at));
            case AbortChunk.TYPE:
                return new AbortChunk((flags & FLAG_T) != 0, causes(value));
            case ShutdownChunk.TYPE:
                exactly("SHUTDOWN", value, ShutdownChunk.LENGTH, at);
                return new ShutdownChunk(value.u32("SHUTDOWN cumulative TSN ack"));
            case ShutdownAckChunk.TYPE:
                exactly("SHUTDOWN ACK", value, 4, at);
                return new ShutdownAckChunk();
            case ErrorChunk.TYPE:
                return new ErrorChunk(causes(value));
            case CookieEchoChunk.TYPE:
                return new CookieEchoChunk(value.bytes(value.remaining(), "COOKIE ECHO cookie"));
            case CookieAckChunk.TYPE:
                exactly("COOKIE ACK", value, 4, at);
                return new CookieAckChunk();
            case ShutdownCompleteChunk.TYPE:
                exactly("SHUTDOWN COMPLETE", value, 4, at);
                return new ShutdownCompleteChunk((flags & FLAG_T) != 0);
            case ReconfigChunk.TYPE:
                return new ReconfigChunk(ReconfigCodec.readAll(value));
            case ForwardTsnChunk.TYPE:
                return forwardTsn(value, at);
            default:
                return new UnknownChunk(type, flags, value.bytes(value.remaining(), "chunk value"));
        }
    }

    /** RFC 9260 §3.3.1: TSN, stream id, SSN, PPID, then at least one byte of user data. */
    private static DataChunk data(int flags, WireReader in, int at, long verificationTag) throws SctpParseException {
        int length = 4 + in.remaining();
        if (length < DataChunk.HEADER_SIZE) {
            throw new SctpParseException("DATA chunk at offset " + at + ": length " + length
                    + " is shorter than its " + DataChunk.HEADER_SIZE + "-byte header");
        }
        long tsn = in.u32("DATA TSN");
        int streamId = in.u16("DATA stream id");
        int ssn = in.u16("DATA stream sequence number");
        long ppid = in.u32("DATA payload protocol id");
        if (in.remaining() == 0) {
            throw new SctpNoUserDataException("DATA chunk at offset " + at + " (TSN " + tsn + "): length 16 carries"
                    + " no user data (RFC 9260 §6.2: answer with an ABORT, cause No User Data)", tsn, verificationTag);
        }
        byte[] userData = in.bytes(in.remaining(), "DATA user data");
        return new DataChunk(tsn, streamId, ssn, ppid, (flags & FLAG_U) != 0, (flags & FLAG_B) != 0,
                (flags & FLAG_E) != 0, (flags & FLAG_I) != 0, userData);
    }

    /** RFC 9260 §3.3.2 and §3.3.3: the fixed fields, then parameters. */
    private static Chunk init(int type, WireReader in, int at) throws SctpParseException {
        String name = type == InitChunk.TYPE ? "INIT" : "INIT ACK";
        atLeast(name, in, InitChunk.FIXED_LENGTH, at);
        long tag = in.u32(name + " initiate tag");
        long rwnd = in.u32(name + " a_rwnd");
        int os = in.u16(name + " outbound streams");
        int mis = in.u16(name + " inbound streams");
        long tsn = in.u32(name + " initial TSN");
        List<Parameter> params = TlvCodec.readAll(in, name + " parameter",
                (t, v) -> new Parameter(t, v.bytes(v.remaining(), "parameter value")));
        return type == InitChunk.TYPE
                ? new InitChunk(tag, rwnd, os, mis, tsn, params)
                : new InitAckChunk(tag, rwnd, os, mis, tsn, params);
    }

    /** RFC 9260 §3.3.4: the counts must account for the chunk length exactly. */
    private static SackChunk sack(WireReader in, int at) throws SctpParseException {
        atLeast("SACK", in, 16, at);
        long cumTsnAck = in.u32("SACK cumulative TSN ack");
        long rwnd = in.u32("SACK a_rwnd");
        int gaps = in.u16("SACK number of gap ack blocks");
        int dups = in.u16("SACK number of duplicate TSNs");
        int expected = 16 + 4 * gaps + 4 * dups;
        if (4 + 12 + in.remaining() != expected) {
            throw new SctpParseException("SACK chunk at offset " + at + ": " + gaps + " gap ack blocks and " + dups
                    + " duplicate TSNs need length " + expected + ", chunk length is " + (16 + in.remaining()));
        }
        List<GapAckBlock> blocks = new ArrayList<>(gaps);
        for (int i = 0; i < gaps; i++) {
            int start = in.u16("SACK gap ack block start");
            int end = in.u16("SACK gap ack block end");
            if (start < 1 || start > end) {
                throw new SctpParseException("SACK chunk at offset " + at + ": gap ack block " + i + " is " + start
                        + ".." + end + "; offsets must satisfy 1 <= start <= end");
            }
            blocks.add(new GapAckBlock(start, end));
        }
        List<Long> duplicates = new ArrayList<>(dups);
        for (int i = 0; i < dups; i++) {
            duplicates.add(in.u32("SACK duplicate TSN"));
        }
        return new SackChunk(cumTsnAck, rwnd, blocks, duplicates);
    }

    /** RFC 9260 §3.3.5: exactly one Heartbeat Info parameter (type 1), perhaps padded. */
    private static byte[] heartbeatInfo(String name, WireReader in, int at) throws SctpParseException {
        atLeast(name, in, 8, at);
        int type = in.u16(name + " info type");
        int length = in.u16(name + " info length");
        if (type != Parameter.HEARTBEAT_INFO) {
            throw new SctpParseException(name + " chunk at offset " + at + ": parameter type " + type
                    + ", expected Heartbeat Info (1)");
        }
        int valueLength = 4 + in.remaining();
        if (length < 4 || (valueLength != length && valueLength != WireReader.padded(length))) {
            throw new SctpParseException(name + " chunk at offset " + at + ": Heartbeat Info length " + length
                    + " does not fill the chunk value of " + valueLength + " bytes");
        }
        return in.bytes(length - 4, name + " info");
    }

    /** RFC 9260 §3.3.7 and §3.3.10: zero or more error causes. */
    private static List<ErrorCause> causes(WireReader in) throws SctpParseException {
        return TlvCodec.readAll(in, "error cause", (code, v) -> new ErrorCause(code, v.bytes(v.remaining(), "cause info")));
    }

    /** RFC 3758 §3.2: new cumulative TSN, then stream/SSN pairs. */
    private static ForwardTsnChunk forwardTsn(WireReader in, int at) throws SctpParseException {
        atLeast("FORWARD TSN", in, 8, at);
        long newCumTsn = in.u32("FORWARD TSN new cumulative TSN");
        if (in.remaining() % 4 != 0) {
            throw new SctpParseException("FORWARD TSN chunk at offset " + at + ": length " + (8 + in.remaining())
                    + " is not 8 plus 4 bytes a skipped stream");
        }
        List<ForwardTsnChunk.SkippedStream> streams = new ArrayList<>(in.remaining() / 4);
        while (in.remaining() > 0) {
            int sid = in.u16("FORWARD TSN stream");
            int ssn = in.u16("FORWARD TSN stream sequence");
            streams.add(new ForwardTsnChunk.SkippedStream(sid, ssn));
        }
        return new ForwardTsnChunk(newCumTsn, streams);
    }

    private static void atLeast(String name, WireReader value, int length, int at) throws SctpParseException {
        if (4 + value.remaining() < length) {
            throw new SctpParseException(name + " chunk at offset " + at + ": length " + (4 + value.remaining())
                    + ", at least " + length + " expected");
        }
    }

    private static void exactly(String name, WireReader value, int length, int at) throws SctpParseException {
        if (4 + value.remaining() != length) {
            throw new SctpParseException(name + " chunk at offset " + at + ": length " + (4 + value.remaining())
                    + ", exactly " + length + " expected");
        }
    }

    /**
     * Writes {@code c} at the writer's position (a multiple of 4 from the packet start): header,
     * value, then zero padding to 4 bytes, which the length does not count.
     *
     * @throws IllegalArgumentException if the chunk does not fit its 16-bit length, or if it is
     *                                  not one of this package's chunk records
     */
    static void write(Chunk c, WireWriter w) {
        int start = w.size();
        w.u8(c.type());
        w.u8(flags(c));
        w.u16(0);
        writeValue(c, w);
        TlvCodec.end(w, start);
        w.pad();
    }

    private static int flags(Chunk c) {
        if (c instanceof DataChunk d) {
            return (d.immediate() ? FLAG_I : 0) | (d.unordered() ? FLAG_U : 0) | (d.beginning() ? FLAG_B : 0)
                    | (d.ending() ? FLAG_E : 0);
        } else if (c instanceof AbortChunk a) {
            return a.verificationTagReflected() ? FLAG_T : 0;
        } else if (c instanceof ShutdownCompleteChunk s) {
            return s.verificationTagReflected() ? FLAG_T : 0;
        } else if (c instanceof UnknownChunk u) {
            return u.flags();
        }
        return 0;
    }

    private static void writeValue(Chunk c, WireWriter w) {
        if (c instanceof DataChunk d) {
            w.u32(d.tsn());
            w.u16(d.streamId());
            w.u16(d.ssn());
            w.u32(d.ppid());
            w.bytes(d.userData());
        } else if (c instanceof InitChunk i) {
            writeInit(w, i.initiateTag(), i.receiverWindow(), i.outboundStreams(), i.inboundStreams(),
                    i.initialTsn(), i.parameters());
        } else if (c instanceof InitAckChunk i) {
            writeInit(w, i.initiateTag(), i.receiverWindow(), i.outboundStreams(), i.inboundStreams(),
                    i.initialTsn(), i.parameters());
        } else if (c instanceof SackChunk s) {
            writeSack(w, s);
        } else if (c instanceof HeartbeatChunk h) {
            TlvCodec.write(w, Parameter.HEARTBEAT_INFO, h.info());
        } else if (c instanceof HeartbeatAckChunk h) {
            TlvCodec.write(w, Parameter.HEARTBEAT_INFO, h.info());
        } else if (c instanceof AbortChunk a) {
            writeCauses(w, a.causes());
        } else if (c instanceof ShutdownChunk s) {
            w.u32(s.cumulativeTsnAck());
        } else if (c instanceof ErrorChunk e) {
            writeCauses(w, e.causes());
        } else if (c instanceof CookieEchoChunk e) {
            w.bytes(e.cookie());
        } else if (c instanceof ReconfigChunk r) {
            ReconfigCodec.writeAll(w, r.parameters());
        } else if (c instanceof ForwardTsnChunk f) {
            w.u32(f.newCumulativeTsn());
            for (ForwardTsnChunk.SkippedStream s : f.skippedStreams()) {
                w.u16(s.streamId());
                w.u16(s.ssn());
            }
        } else if (c instanceof UnknownChunk u) {
            w.bytes(u.value());
        } else if (!(c instanceof ShutdownAckChunk || c instanceof CookieAckChunk
                || c instanceof ShutdownCompleteChunk)) {
            throw new IllegalArgumentException("cannot write chunk " + c.getClass().getName());
        }
    }

    private static void writeInit(WireWriter w, long tag, long rwnd, int os, int mis, long tsn, List<Parameter> params) {
        w.u32(tag);
        w.u32(rwnd);
        w.u16(os);
        w.u16(mis);
        w.u32(tsn);
        TlvCodec.writeAll(w, params, (p, out) -> out.bytes(p.value()), Parameter::type);
    }

    private static void writeSack(WireWriter w, SackChunk s) {
        if (s.gapAckBlocks().size() > 0xFFFF || s.duplicateTsns().size() > 0xFFFF) {
            throw new IllegalArgumentException("SACK with " + s.gapAckBlocks().size() + " gap blocks and "
                    + s.duplicateTsns().size() + " duplicates does not fit its 16-bit counts");
        }
        w.u32(s.cumulativeTsnAck());
        w.u32(s.receiverWindow());
        w.u16(s.gapAckBlocks().size());
        w.u16(s.duplicateTsns().size());
        for (GapAckBlock b : s.gapAckBlocks()) {
            w.u16(b.start());
            w.u16(b.end());
        }
        for (long dup : s.duplicateTsns()) {
            Bytes.checkU32(dup, "duplicate TSN");
            w.u32(dup);
        }
    }

    private static void writeCauses(WireWriter w, List<ErrorCause> causes) {
        TlvCodec.writeAll(w, causes, (c, out) -> out.bytes(c.info()), ErrorCause::code);
    }
}
