package dev.parley.rtc.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts of both directions, cut from the DTLS exporter output
 * ({@code EXTRACTOR-dtls_srtp}, RFC 5764 §4.2) in its order:
 * {@code client_write_key | server_write_key | client_write_salt | server_write_salt}.
 *
 * <p>Immutable: arrays are copied in and out. {@link #toString()} names the profile only.
 */
public record SrtpKeyingMaterial(SrtpProfile profile, byte[] clientWriteKey, byte[] clientWriteSalt,
        byte[] serverWriteKey, byte[] serverWriteSalt) {

    public SrtpKeyingMaterial {
        Objects.requireNonNull(profile, "profile");
        clientWriteKey = checked(clientWriteKey, profile.keyLength(), "client write key");
        serverWriteKey = checked(serverWriteKey, profile.keyLength(), "server write key");
        clientWriteSalt = checked(clientWriteSalt, profile.saltLength(), "client write salt");
        serverWriteSalt = checked(serverWriteSalt, profile.saltLength(), "server write salt");
    }

    /** Cuts the exporter output of {@code profile.keyingMaterialLength()} bytes (RFC 5764 §4.2). */
    static SrtpKeyingMaterial fromExporter(SrtpProfile profile, byte[] exported) {
        if (exported.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("expected " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + exported.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpKeyingMaterial(profile,
                Arrays.copyOfRange(exported, 0, k),
                Arrays.copyOfRange(exported, 2 * k, 2 * k + s),
                Arrays.copyOfRange(exported, k, 2 * k),
                Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
    }

    private static byte[] checked(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must have " + length + " bytes, got " + bytes.length);
        }
        return bytes.clone();
    }

    /** The IANA id of {@link #profile()}. */
    public int profileId() {
        return profile.id();
    }

    /** The key the {@code sender} end protects its outgoing SRTP with. */
    public byte[] writeKey(DtlsRole sender) {
        return sender == DtlsRole.CLIENT ? clientWriteKey() : serverWriteKey();
    }

    /** The salt the {@code sender} end protects its outgoing SRTP with. */
    public byte[] writeSalt(DtlsRole sender) {
        return sender == DtlsRole.CLIENT ? clientWriteSalt() : serverWriteSalt();
    }

    @Override
    public byte[] clientWriteKey() {
        return clientWriteKey.clone();
    }

    @Override
    public byte[] clientWriteSalt() {
        return clientWriteSalt.clone();
    }

    @Override
    public byte[] serverWriteKey() {
        return serverWriteKey.clone();
    }

    @Override
    public byte[] serverWriteSalt() {
        return serverWriteSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SrtpKeyingMaterial)) {
            return false;
        }
        SrtpKeyingMaterial m = (SrtpKeyingMaterial) o;
        return profile == m.profile && Arrays.equals(clientWriteKey, m.clientWriteKey)
                && Arrays.equals(clientWriteSalt, m.clientWriteSalt)
                && Arrays.equals(serverWriteKey, m.serverWriteKey)
                && Arrays.equals(serverWriteSalt, m.serverWriteSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(clientWriteKey), Arrays.hashCode(serverWriteKey));
    }

    /** Never prints key material: it would end up in logs. */
    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + "]";
    }
}
