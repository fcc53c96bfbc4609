package dev.parley.rtc.sctp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A Data Channel Establishment Protocol message (RFC 8832 §5), carried with PPID
 * {@link Ppid#DCEP} on the channel's own stream.
 */
public sealed interface DcepMessage permits DcepMessage.Open, DcepMessage.Ack {
    int OPEN = 0x03;
    int ACK = 0x02;

    byte[] toBytes();

    /** Parses a DCEP message; anything else is a {@link SctpParseException}. */
    static DcepMessage parse(byte[] data) throws SctpParseException {
        if (data.length == 0) {
            throw new SctpParseException("empty DCEP message");
        }
        int type = data[0] & 0xFF;
        if (type == ACK) {
            if (data.length != 1) {
                throw new SctpParseException("DATA_CHANNEL_ACK has " + data.length + " bytes, expected 1");
            }
            return new Ack();
        }
        if (type != OPEN) {
            throw new SctpParseException("unknown DCEP message type " + type);
        }
        return Open.parse(data);
    }

    /**
     * DATA_CHANNEL_OPEN (RFC 8832 §5.1).
     *
     * @param channelType          reliability and ordering, one of the {@code RELIABLE…} constants
     * @param priority             RFC 8831 §6.4 priority (256 is "normal" for browsers)
     * @param reliabilityParameter retransmissions or lifetime in ms, by channel type
     */
    record Open(int channelType, int priority, long reliabilityParameter, String label, String protocol)
            implements DcepMessage {
        public static final int RELIABLE = 0x00;
        public static final int PARTIAL_RELIABLE_REXMIT = 0x01;
        public static final int PARTIAL_RELIABLE_TIMED = 0x02;
        /** The high bit of the channel type: unordered delivery. */
        public static final int UNORDERED_BIT = 0x80;
        private static final int HEADER = 12;

        public Open {
            int base = channelType & ~UNORDERED_BIT;
            if (channelType < 0 || channelType > 0xFF || base > PARTIAL_RELIABLE_TIMED) {
                throw new IllegalArgumentException("bad DCEP channel type " + channelType);
            }
            if (priority < 0 || priority > 0xFFFF || reliabilityParameter < 0 || reliabilityParameter > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("DCEP priority/reliability parameter out of range");
            }
            if (utf8(label).length > 0xFFFF || utf8(protocol).length > 0xFFFF) {
                throw new IllegalArgumentException("DCEP label/protocol longer than 65535 bytes");
            }
        }

        public boolean ordered() {
            return (channelType & UNORDERED_BIT) == 0;
        }

        /** The channel type without the unordered bit. */
        public int reliabilityType() {
            return channelType & ~UNORDERED_BIT;
        }

        @Override
        public byte[] toBytes() {
            byte[] l = utf8(label);
            byte[] p = utf8(protocol);
            ByteBuffer b = ByteBuffer.allocate(HEADER + l.length + p.length);
            b.put((byte) OPEN).put((byte) channelType).putShort((short) priority)
                    .putInt((int) reliabilityParameter).putShort((short) l.length).putShort((short) p.length)
                    .put(l).put(p);
            return b.array();
        }

        static Open parse(byte[] data) throws SctpParseException {
            if (data.length < HEADER) {
                throw new SctpParseException("DATA_CHANNEL_OPEN of " + data.length + " bytes is shorter than its 12-byte header");
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            b.get();
            int channelType = b.get() & 0xFF;
            int priority = b.getShort() & 0xFFFF;
            long parameter = b.getInt() & 0xFFFF_FFFFL;
            int labelLength = b.getShort() & 0xFFFF;
            int protocolLength = b.getShort() & 0xFFFF;
            if (HEADER + labelLength + protocolLength != data.length) {
                throw new SctpParseException("DATA_CHANNEL_OPEN label/protocol lengths " + labelLength + "+"
                        + protocolLength + " do not match its " + (data.length - HEADER) + " bytes");
            }
            if ((channelType & ~UNORDERED_BIT) > PARTIAL_RELIABLE_TIMED) {
                throw new SctpParseException("unknown DCEP channel type 0x" + Integer.toHexString(channelType));
            }
            String label = decode(data, HEADER, labelLength, "label");
            String protocol = decode(data, HEADER + labelLength, protocolLength, "protocol");
            return new Open(channelType, priority, parameter, label, protocol);
        }

        private static String decode(byte[] data, int offset, int length, String what) throws SctpParseException {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, offset, length)).toString();
            } catch (CharacterCodingException e) {
                throw new SctpParseException("DATA_CHANNEL_OPEN " + what + " is not UTF-8");
            }
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** DATA_CHANNEL_ACK (RFC 8832 §5.2). */
    record Ack() implements DcepMessage {
        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) ACK};
        }
    }
}
