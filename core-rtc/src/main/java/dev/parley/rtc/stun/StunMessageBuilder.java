package dev.parley.rtc.stun;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a STUN message to send, appending MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and
 * FINGERPRINT over what was added before them, in the order RFC 8489 §14.5–14.7 require:
 * ordinary attributes, then MESSAGE-INTEGRITY, then MESSAGE-INTEGRITY-SHA256, then FINGERPRINT.
 *
 * <pre>{@code
 * byte[] wire = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, id)
 *         .add(new Username("remote:local"))
 *         .add(new Priority(prio))
 *         .addMessageIntegrity(StunCredentials.shortTermKey(remotePassword))
 *         .addFingerprint()
 *         .toBytes();
 * }</pre>
 */
public final class StunMessageBuilder {
    private static final int STAGE_ATTRIBUTES = 0;
    private static final int STAGE_INTEGRITY = 1;
    private static final int STAGE_INTEGRITY_SHA256 = 2;
    private static final int STAGE_FINGERPRINT = 3;

    private final StunClass messageClass;
    private final StunMethod method;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes = new ArrayList<>();
    private int stage = STAGE_ATTRIBUTES;

    StunMessageBuilder(StunClass messageClass, StunMethod method, TransactionId transactionId) {
        this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
        this.method = Objects.requireNonNull(method, "method");
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
    }

    /** Adds an ordinary attribute; integrity and fingerprint have their own methods. */
    public StunMessageBuilder add(StunAttribute attribute) {
        int type = attribute.type();
        if (type == StunAttributeType.MESSAGE_INTEGRITY || type == StunAttributeType.MESSAGE_INTEGRITY_SHA256
                || type == StunAttributeType.FINGERPRINT) {
            throw new IllegalArgumentException("use addMessageIntegrity/addMessageIntegritySha256/addFingerprint for "
                    + StunAttributeType.name(type));
        }
        advance(STAGE_ATTRIBUTES, attribute);
        return this;
    }

    /** Appends MESSAGE-INTEGRITY, HMAC-SHA1 under {@code key} (RFC 8489 §14.5). */
    public StunMessageBuilder addMessageIntegrity(byte[] key) {
        advance(STAGE_INTEGRITY, new MessageIntegrity(mac(StunIntegrity.HMAC_SHA1, key, MessageIntegrity.LENGTH)));
        return this;
    }

    /** Appends MESSAGE-INTEGRITY-SHA256, the full 32-byte HMAC-SHA256 under {@code key} (RFC 8489 §14.6). */
    public StunMessageBuilder addMessageIntegritySha256(byte[] key) {
        advance(STAGE_INTEGRITY_SHA256, new MessageIntegritySha256(mac(StunIntegrity.HMAC_SHA256, key, 32)));
        return this;
    }

    /** Appends FINGERPRINT, which must be last (RFC 8489 §14.7). */
    public StunMessageBuilder addFingerprint() {
        byte[] prefix = build().toBytes();
        advance(STAGE_FINGERPRINT, new Fingerprint(StunIntegrity.fingerprint(prefix, 0, prefix.length)));
        return this;
    }

    public StunMessage build() {
        return new StunMessage(messageClass, method, transactionId, attributes);
    }

    public byte[] toBytes() {
        return build().toBytes();
    }

    private byte[] mac(String algorithm, byte[] key, int macLength) {
        byte[] prefix = build().toBytes();
        return StunIntegrity.hmac(algorithm, key, prefix, 0, prefix.length,
                prefix.length + 4 + macLength - StunMessage.HEADER_LENGTH);
    }

    /** Keeps the RFC order: nothing may follow FINGERPRINT, nor an ordinary attribute follow a MAC. */
    private void advance(int newStage, StunAttribute attribute) {
        if (newStage < stage || (newStage == stage && newStage != STAGE_ATTRIBUTES)) {
            throw new IllegalStateException(StunAttributeType.name(attribute.type())
                    + " cannot follow what was already added (RFC 8489 §14.5-14.7 order)");
        }
        stage = newStage;
        attributes.add(attribute);
    }
}
