package dev.parley.rtc.stun;

/**
 * CHANNEL-NUMBER: the channel a ChannelBind request binds (RFC 8656 §18.1). Whether the number
 * is in the valid range 0x4000–0x4FFF is for the TURN logic to judge (it answers 400), so any
 * 16-bit value parses.
 */
public record ChannelNumber(int number) implements StunAttribute {
    public ChannelNumber {
        if (number < 0 || number > 0xFFFF) {
            throw new IllegalArgumentException("channel number is 16 bits: " + number);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.CHANNEL_NUMBER;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[4];
        Bytes.put16(out, 0, number);
        return out;
    }

    static ChannelNumber decode(AttributeValue v) throws StunParseException {
        v.requireLength(4);
        // The 16 RFFU bits are ignored on receipt.
        return new ChannelNumber(v.u16(0));
    }
}
