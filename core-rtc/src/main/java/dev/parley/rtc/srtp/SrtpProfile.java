package dev.parley.rtc.srtp;

/**
 * The SRTP protection profiles Parley offers in DTLS-SRTP's use_srtp extension, with the
 * lengths each one fixes.
 *
 * <p>Ids are the DTLS-SRTP registry values (RFC 5764 §4.1.2, RFC 7714 §14.2). The SRTCP tag of
 * {@code _32} is still 80 bits (RFC 5764 §4.1.2: "the SRTCP ... authentication tag length is 80
 * bits" for both AES_CM profiles).
 */
public enum SrtpProfile {
    /** AES-128 counter mode, HMAC-SHA1 truncated to 80 bits (RFC 3711 §4.1.1, §4.2.1). */
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10, 10, false),
    /** As {@code _80} but with a 32-bit RTP tag (SRTCP keeps 80 bits). */
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, 16, 14, 20, 4, 10, false),
    /** AES-128 in GCM with a 16-octet tag (RFC 7714 §12, §14.2). */
    SRTP_AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16, 16, true);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int authKeyLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final boolean aead;

    SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int rtpTagLength, int rtcpTagLength,
            boolean aead) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
        this.aead = aead;
    }

    /** The DTLS-SRTP protection profile id (two octets on the wire). */
    public int id() {
        return id;
    }

    /** Master (and session) encryption key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master (and session) salt length in bytes: 14 for AES-CM, 12 for GCM. */
    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length in bytes; 0 where the cipher authenticates itself (GCM). */
    public int authKeyLength() {
        return authKeyLength;
    }

    /** Bytes the authentication tag adds to an SRTP packet. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** Bytes the authentication tag adds to an SRTCP packet (the 4-byte E+index word is extra). */
    public int rtcpTagLength() {
        return rtcpTagLength;
    }

    /** True for AEAD profiles (RFC 7714), whose tag comes from the cipher rather than HMAC. */
    public boolean isAead() {
        return aead;
    }

    /** Bytes of keying material DTLS must export for this profile (RFC 5764 §4.2): two keys, two salts. */
    public int exportedKeyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with DTLS-SRTP id {@code id}, or null if Parley does not implement it. */
    public static SrtpProfile byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }
}
