package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** SOFTWARE: a textual description of the agent's software. (RFC 8489 §14.14) */
public record Software(String description) implements StunAttribute {
    public Software {
        Objects.requireNonNull(description, "description");
    }

    @Override
    public int type() {
        return StunAttributeType.SOFTWARE;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return description.getBytes(StandardCharsets.UTF_8);
    }

    static Software decode(AttributeValue v) throws StunParseException {
        return new Software(v.utf8(0));
    }
}
