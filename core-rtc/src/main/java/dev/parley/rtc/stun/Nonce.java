package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** NONCE: the server's nonce for long-term credentials. (RFC 8489 §14.10) */
public record Nonce(String nonce) implements StunAttribute {
    public Nonce {
        Objects.requireNonNull(nonce, "nonce");
    }

    @Override
    public int type() {
        return StunAttributeType.NONCE;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return nonce.getBytes(StandardCharsets.UTF_8);
    }

    static Nonce decode(AttributeValue v) throws StunParseException {
        return new Nonce(v.utf8(0));
    }
}
