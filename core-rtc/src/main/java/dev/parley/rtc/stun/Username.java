package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** USERNAME: the user name of the credential (for ICE, "remote-ufrag:local-ufrag"). (RFC 8489 §14.3) */
public record Username(String name) implements StunAttribute {
    public Username {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int type() {
        return StunAttributeType.USERNAME;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    static Username decode(AttributeValue v) throws StunParseException {
        return new Username(v.utf8(0));
    }
}
