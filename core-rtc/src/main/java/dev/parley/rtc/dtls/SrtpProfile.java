package dev.parley.rtc.dtls;

import java.util.Optional;

/**
 * The SRTP protection profiles we negotiate in {@code use_srtp}, in our order of preference, with
 * the key and salt lengths the exported keying material is cut into (RFC 5764 §4.2).
 */
public enum SrtpProfile {
    /** RFC 7714 §14.2: 128-bit key, 96-bit salt. Preferred: one AEAD pass instead of AES-CM + HMAC. */
    AEAD_AES_128_GCM(0x0007, 16, 12),
    /** RFC 5764 §4.1.2: 128-bit key, 112-bit salt. What every browser supports. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte {@code SRTPProtectionProfile} value of the IANA registry. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Bytes to export: a key and a salt for each direction. */
    int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    public static Optional<SrtpProfile> fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The server's choice (RFC 5764 §4.1.1): our most preferred profile among those the client
     * offered, whatever the client's order. Chromium offers [1, 8, 7]: we pick 7 (AEAD_AES_128_GCM).
     */
    static Optional<SrtpProfile> choose(int[] offered) {
        for (SrtpProfile ours : values()) {
            for (int theirs : offered) {
                if (ours.id == theirs) {
                    return Optional.of(ours);
                }
            }
        }
        return Optional.empty();
    }

    /** Our profiles' ids, most preferred first, as offered in a ClientHello. */
    static int[] preferredIds() {
        SrtpProfile[] all = values();
        int[] ids = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id;
        }
        return ids;
    }
}
