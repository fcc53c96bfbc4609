package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Extended report, PT 207 (RFC 3611 §2): the sender's SSRC and report blocks. WebRTC uses
 * RRTR (§4.4) and DLRR (§4.5) for receiver-side RTT; other block types are kept raw.
 * The reserved type-specific byte of RRTR and DLRR is written as zero.
 */
public record ExtendedReport(long ssrc, List<Block> blocks) implements RtcpPacket {

    public ExtendedReport {
        Check.u32(ssrc, "SSRC");
        blocks = List.copyOf(blocks);
    }

    /** One XR report block: block type, type-specific byte, length in words minus one, body. */
    public sealed interface Block permits ReceiverReferenceTime, Dlrr, UnknownBlock {
        int blockType();

        /** Bytes after the 4-byte block header; a multiple of 4. */
        int bodyLength();
    }

    /** Receiver Reference Time report block, BT 4 (RFC 3611 §4.4). */
    public record ReceiverReferenceTime(long ntpTimestamp) implements Block {
        public static final int TYPE = 4;

        @Override
        public int blockType() {
            return TYPE;
        }

        @Override
        public int bodyLength() {
            return 8;
        }
    }

    /** DLRR report block, BT 5 (RFC 3611 §4.5): one sub-block per receiver. */
    public record Dlrr(List<SubBlock> subBlocks) implements Block {
        public static final int TYPE = 5;

        public Dlrr {
            subBlocks = Check.count(subBlocks, 0xFFFF / 3, "DLRR sub-blocks");
        }

        @Override
        public int blockType() {
            return TYPE;
        }

        @Override
        public int bodyLength() {
            return 12 * subBlocks.size();
        }
    }

    /**
     * @param lastReceiverReport      LRR: middle 32 bits of the NTP time of the last RRTR from this SSRC
     * @param delaySinceLastReceiverReport DLRR in units of 1/65536 s
     */
    public record SubBlock(long ssrc, long lastReceiverReport, long delaySinceLastReceiverReport) {
        public SubBlock {
            Check.u32(ssrc, "SSRC");
            Check.u32(lastReceiverReport, "LRR");
            Check.u32(delaySinceLastReceiverReport, "DLRR");
        }
    }

    /** A block of another type, kept raw. */
    public record UnknownBlock(int blockType, int typeSpecific, byte[] body) implements Block {
        public UnknownBlock {
            Check.bits(blockType, 8, "block type");
            Check.bits(typeSpecific, 8, "type-specific byte");
            body = Check.words(body, "XR block body");
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public int bodyLength() {
            return body.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnknownBlock b && b.blockType == blockType && b.typeSpecific == typeSpecific
                    && Arrays.equals(b.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * blockType + typeSpecific) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "UnknownBlock[type=" + blockType + ", typeSpecific=" + typeSpecific + ", " + RtpText.hex(body) + "]";
        }
    }

    static ExtendedReport parse(ByteReader in) throws RtpParseException {
        long ssrc = in.u32("XR SSRC");
        List<Block> blocks = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.offset();
            int type = in.u8("XR block type");
            int typeSpecific = in.u8("XR block type-specific");
            int words = in.u16("XR block length");
            in.require(4 * words, "XR block type " + type + " body of " + words + " words");
            blocks.add(switch (type) {
                case ReceiverReferenceTime.TYPE -> {
                    if (words != 2) {
                        throw new RtpParseException(at, "XR RRTR block at offset " + at + ": length " + words
                                + " words, expected 2");
                    }
                    yield new ReceiverReferenceTime(in.u64("RRTR NTP timestamp"));
                }
                case Dlrr.TYPE -> {
                    if (words % 3 != 0) {
                        throw new RtpParseException(at, "XR DLRR block at offset " + at + ": length " + words
                                + " words is not a multiple of 3");
                    }
                    List<SubBlock> subs = new ArrayList<>(words / 3);
                    for (int i = 0; i < words / 3; i++) {
                        subs.add(new SubBlock(in.u32("DLRR SSRC"), in.u32("DLRR LRR"), in.u32("DLRR DLRR")));
                    }
                    yield new Dlrr(subs);
                }
                default -> new UnknownBlock(type, typeSpecific, in.bytes(4 * words, "XR block body"));
            });
        }
        return new ExtendedReport(ssrc, blocks);
    }

    @Override
    public int packetType() {
        return Rtcp.XR;
    }

    @Override
    public int countOrFormat() {
        return 0; // reserved in RFC 3611 §2
    }

    @Override
    public int contentLength() {
        int n = 4;
        for (Block b : blocks) {
            n += 4 + b.bodyLength();
        }
        return n;
    }

    @Override
    public void writeContent(ByteBuffer out) {
        Rtcp.putU32(out, ssrc);
        for (Block b : blocks) {
            out.put((byte) b.blockType());
            out.put((byte) (b instanceof UnknownBlock u ? u.typeSpecific() : 0));
            out.putShort((short) (b.bodyLength() / 4));
            if (b instanceof ReceiverReferenceTime r) {
                out.putLong(r.ntpTimestamp());
            } else if (b instanceof Dlrr d) {
                for (SubBlock s : d.subBlocks()) {
                    Rtcp.putU32(out, s.ssrc());
                    Rtcp.putU32(out, s.lastReceiverReport());
                    Rtcp.putU32(out, s.delaySinceLastReceiverReport());
                }
            } else if (b instanceof UnknownBlock u) {
                out.put(u.body);
            }
        }
    }
}
