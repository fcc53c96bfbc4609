package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** REALM: the long-term credential realm the server asks for. (RFC 8489 §14.9) */
public record Realm(String realm) implements StunAttribute {
    public Realm {
        Objects.requireNonNull(realm, "realm");
    }

    @Override
    public int type() {
        return StunAttributeType.REALM;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return realm.getBytes(StandardCharsets.UTF_8);
    }

    static Realm decode(AttributeValue v) throws StunParseException {
        return new Realm(v.utf8(0));
    }
}
