package dev.parley.rtc.sctp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The State Cookie of an INIT ACK (RFC 9260 §5.1.3): everything the responder needs to build the
 * association from a COOKIE ECHO, so it keeps no state before the initiator proves it can receive
 * at its address. Authenticated with HMAC-SHA256 under a secret of this endpoint (§5.1.3 step 2),
 * timestamped so a stale cookie is refused (§5.1.5 step 3).
 *
 * @param localTag          our Initiate Tag, the verification tag the peer writes
 * @param peerTag           the peer's Initiate Tag
 * @param localInitialTsn   our first TSN
 * @param peerInitialTsn    the peer's first TSN
 * @param peerReceiverWindow the peer's a_rwnd
 * @param peerOutboundStreams the peer's OS, bounding the streams we receive on
 * @param peerInboundStreams the peer's MIS, bounding the streams we send on
 * @param forwardTsn        the peer supports FORWARD TSN (RFC 3758)
 * @param reconfig          the peer supports RE-CONFIG (RFC 6525)
 * @param createdMillis     when the cookie was made, on the association's clock
 */
record StateCookie(long localTag, long peerTag, long localInitialTsn, long peerInitialTsn, long peerReceiverWindow,
                   int peerOutboundStreams, int peerInboundStreams, boolean forwardTsn, boolean reconfig,
                   long createdMillis) {
    private static final int BODY = 4 * 5 + 2 * 2 + 1 + 8;
    private static final int MAC_LENGTH = 32;
    private static final String HMAC = "HmacSHA256";

    /** The secret that authenticates this endpoint's cookies. */
    static final class Secret {
        private final SecretKeySpec key;

        Secret(SecureRandom random) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            key = new SecretKeySpec(bytes, HMAC);
        }

        private byte[] mac(byte[] body) {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key);
                return mac.doFinal(body);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }

    byte[] seal(Secret secret) {
        ByteBuffer body = ByteBuffer.allocate(BODY);
        body.putInt((int) localTag).putInt((int) peerTag).putInt((int) localInitialTsn).putInt((int) peerInitialTsn)
                .putInt((int) peerReceiverWindow).putShort((short) peerOutboundStreams)
                .putShort((short) peerInboundStreams)
                .put((byte) ((forwardTsn ? 1 : 0) | (reconfig ? 2 : 0))).putLong(createdMillis);
        byte[] mac = secret.mac(body.array());
        return ByteBuffer.allocate(BODY + MAC_LENGTH).put(body.array()).put(mac).array();
    }

    /** The cookie in {@code bytes} if this endpoint made it and nobody changed it; else empty. */
    static Optional<StateCookie> open(byte[] bytes, Secret secret) {
        if (bytes.length != BODY + MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] body = java.util.Arrays.copyOf(bytes, BODY);
        byte[] mac = java.util.Arrays.copyOfRange(bytes, BODY, bytes.length);
        if (!MessageDigest.isEqual(mac, secret.mac(body))) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        long localTag = b.getInt() & Tsn.MASK;
        long peerTag = b.getInt() & Tsn.MASK;
        long localTsn = b.getInt() & Tsn.MASK;
        long peerTsn = b.getInt() & Tsn.MASK;
        long rwnd = b.getInt() & Tsn.MASK;
        int os = b.getShort() & 0xFFFF;
        int mis = b.getShort() & 0xFFFF;
        int flags = b.get();
        long created = b.getLong();
        return Optional.of(new StateCookie(localTag, peerTag, localTsn, peerTsn, rwnd, os, mis,
                (flags & 1) != 0, (flags & 2) != 0, created));
    }
}
