package dev.parley.rtc.srtp;

import java.util.Arrays;

/**
 * One direction's master key and master salt (RFC 3711 §3.2.1), as DTLS-SRTP exports them.
 * Immutable: arrays are copied in and out. {@link #toString()} never shows the bytes.
 */
public final class SrtpMasterKey {
    private final byte[] key;
    private final byte[] salt;

    public SrtpMasterKey(byte[] key, byte[] salt) {
        this.key = key.clone();
        this.salt = salt.clone();
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] salt() {
        return salt.clone();
    }

    /** Throws unless the lengths are the ones {@code profile} requires. */
    void checkFor(SrtpProfile profile) {
        if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte key and a "
                    + profile.saltLength() + "-byte salt, got " + key.length + " and " + salt.length);
        }
    }

    /** Overwrites the key bytes this object holds (call when the session ends). */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(salt, (byte) 0);
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[" + key.length + "-byte key, " + salt.length + "-byte salt, redacted]";
    }
}
