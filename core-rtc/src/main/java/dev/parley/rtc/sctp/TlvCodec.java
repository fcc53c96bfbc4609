package dev.parley.rtc.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Type-length-value lists inside chunks: INIT parameters (RFC 9260 §3.2.1), error causes
 * (§3.3.10) and RE-CONFIG parameters (RFC 6525 §4). Each item's 16-bit length counts its 4-byte
 * header and value, not its padding to 4 bytes. RFC 9260 §3.2: a chunk's length includes the
 * padding of every item but the last, whose padding is the chunk's own; on reading, the last
 * item's padding is accepted inside the chunk length or outside it.
 */
final class TlvCodec {
    private TlvCodec() {}

    /** Makes one item from its type and a reader over exactly its value. */
    @FunctionalInterface
    interface ItemParser<T> {
        T parse(int type, WireReader value) throws SctpParseException;
    }

    /** Writes one item's value (the header is written around it). */
    @FunctionalInterface
    interface ItemWriter<T> {
        void writeValue(T item, WireWriter w);
    }

    /** Reads items until {@code in} is used up; {@code what} names them in errors ("INIT parameter"). */
    static <T> List<T> readAll(WireReader in, String what, ItemParser<T> parser) throws SctpParseException {
        List<T> items = new ArrayList<>();
        while (in.remaining() > 0) {
            int at = in.offset();
            if (in.remaining() < 4) {
                throw new SctpParseException(what + " at offset " + at + ": " + in.remaining()
                        + " bytes left, too few for its 4-byte header");
            }
            int type = in.u16(what + " type");
            int length = in.u16(what + " length");
            if (length < 4) {
                throw new SctpParseException(what + " 0x" + Integer.toHexString(type) + " at offset " + at
                        + ": length " + length + " is less than its 4-byte header");
            }
            if (length - 4 > in.remaining()) {
                throw new SctpParseException(what + " 0x" + Integer.toHexString(type) + " at offset " + at
                        + ": length " + length + " runs past the end of its chunk (" + (in.remaining() + 4)
                        + " bytes left)");
            }
            items.add(parser.parse(type, in.slice(length - 4, what + " value")));
            in.skipAtMost(WireReader.padded(length) - length);
        }
        return items;
    }

    /** Writes items one after another, padding between them but not after the last. */
    static <T> void writeAll(WireWriter w, List<T> items, ItemWriter<T> writer, ToIntFunction<T> type) {
        boolean first = true;
        for (T item : items) {
            if (!first) {
                w.pad();
            }
            first = false;
            int start = begin(w, type.applyAsInt(item));
            writer.writeValue(item, w);
            end(w, start);
        }
    }

    /** Writes one item, header and value, without padding. */
    static void write(WireWriter w, int type, byte[] value) {
        int start = begin(w, type);
        w.bytes(value);
        end(w, start);
    }

    /** Writes an item header with a length to be filled in by {@link #end}; returns where it starts. */
    static int begin(WireWriter w, int type) {
        int start = w.size();
        w.u16(type);
        w.u16(0);
        return start;
    }

    /** Fills in the length of the item (or chunk) begun at {@code start}. */
    static void end(WireWriter w, int start) {
        int length = w.size() - start;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("item of " + length + " bytes does not fit a 16-bit length");
        }
        w.setU16(start + 2, length);
    }
}
