package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.DtlsSrtpKeys;
import dev.parley.rtc.srtp.SrtpProfile;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * What DTLS-SRTP hands to SRTP (RFC 5764 §4.2): the negotiated protection profile and the
 * exporter output ({@code EXTRACTOR-dtls_srtp}). {@link #keysFor(DtlsRole)} cuts it into the two
 * directions' master keys through the one splitter, {@link DtlsSrtpKeys}.
 *
 * <p>Immutable: the bytes are copied in and never handed out. {@link #toString()} names the
 * profile only.
 */
public final class SrtpKeyingMaterial {
    private final SrtpProfile profile;
    private final byte[] exported;

    SrtpKeyingMaterial(SrtpProfile profile, byte[] exported) {
        this.profile = Objects.requireNonNull(profile, "profile");
        if (exported.length != profile.exportedKeyingMaterialLength()) {
            throw new IllegalArgumentException("expected " + profile.exportedKeyingMaterialLength()
                    + " bytes of keying material, got " + exported.length);
        }
        this.exported = exported.clone();
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** The master keys for an endpoint that played {@code ourRole} in the handshake. */
    public DtlsSrtpKeys keysFor(DtlsRole ourRole) {
        return DtlsSrtpKeys.split(exported, profile, ourRole == DtlsRole.CLIENT);
    }

    /** Equal when both ends of a handshake derived the same material; compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyingMaterial && profile == ((SrtpKeyingMaterial) o).profile
                && MessageDigest.isEqual(exported, ((SrtpKeyingMaterial) o).exported);
    }

    @Override
    public int hashCode() {
        return profile.hashCode(); // the bytes stay out of hash tables
    }

    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + ", redacted]";
    }
}
