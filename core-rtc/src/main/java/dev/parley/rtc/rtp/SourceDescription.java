package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SDES packet, PT 202 (RFC 3550 §6.5): one chunk of items per source. */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    public SourceDescription {
        chunks = Check.count(chunks, 31, "SDES chunks");
    }

    /** The usual WebRTC SDES: one chunk with a CNAME. */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(Item.text(CNAME, cname)))));
    }

    /** One source's items (RFC 3550 §6.5); the list ends with null octets up to a 32-bit boundary. */
    public record Chunk(long ssrc, List<Item> items) {
        public Chunk {
            Check.u32(ssrc, "SSRC");
            items = List.copyOf(items);
        }

        /** The first item of this type, or {@code null}. */
        public Item item(int type) {
            for (Item i : items) {
                if (i.type() == type) {
                    return i;
                }
            }
            return null;
        }

        int length() {
            int n = 0;
            for (Item i : items) {
                n += 2 + i.value.length;
            }
            return 4 + n + nulls(n);
        }
    }

    /** An SDES item: type 1..255 and up to 255 bytes of value (UTF-8 text for types 1..7). */
    public record Item(int type, byte[] value) {
        public Item {
            Check.range(type, 1, 255, "SDES item type");
            if (value.length > 255) {
                throw new IllegalArgumentException("SDES item is at most 255 bytes, got " + value.length);
            }
            value = value.clone();
        }

        public static Item text(int type, String text) {
            return new Item(type, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && i.type == type && Arrays.equals(i.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Item[type=" + type + ", " + text() + "]";
        }
    }

    /** The CNAME of the first chunk that has one, or {@code null}. */
    public String cname() {
        for (Chunk c : chunks) {
            Item item = c.item(CNAME);
            if (item != null) {
                return item.text();
            }
        }
        return null;
    }

    boolean hasCname() {
        return cname() != null;
    }

    static SourceDescription parse(int count, ByteReader in) throws RtpParseException {
        List<Chunk> chunks = new ArrayList<>(Math.min(count, in.remaining() / 8 + 1));
        for (int c = 0; c < count; c++) {
            long ssrc = in.u32("SDES chunk " + c + " SSRC");
            List<Item> items = new ArrayList<>();
            int itemBytes = 0;
            while (true) {
                int type = in.u8("SDES chunk " + c + " item type (the list must end with a null octet)");
                if (type == 0) {
                    break;
                }
                int length = in.u8("SDES item length");
                items.add(new Item(type, in.bytes(length, "SDES item value")));
                itemBytes += 2 + length;
            }
            // The null octet just read is the first of nulls(itemBytes) octets up to the next word.
            in.skip(nulls(itemBytes) - 1, "SDES chunk " + c + " null padding");
            chunks.add(new Chunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    /** Null octets ending an item list of {@code itemBytes}: 1..4, to reach a 32-bit boundary. */
    private static int nulls(int itemBytes) {
        return 4 - (itemBytes & 3);
    }

    @Override
    public int packetType() {
        return Rtcp.SDES;
    }

    @Override
    public int countOrFormat() {
        return chunks.size();
    }

    @Override
    public int contentLength() {
        int n = 0;
        for (Chunk c : chunks) {
            n += c.length();
        }
        return n;
    }

    @Override
    public void writeContent(ByteBuffer out) {
        for (Chunk c : chunks) {
            Rtcp.putU32(out, c.ssrc());
            int itemBytes = 0;
            for (Item i : c.items()) {
                out.put((byte) i.type());
                out.put((byte) i.value.length);
                out.put(i.value);
                itemBytes += 2 + i.value.length;
            }
            out.put(new byte[nulls(itemBytes)]);
        }
    }
}
