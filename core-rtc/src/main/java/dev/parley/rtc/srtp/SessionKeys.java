package dev.parley.rtc.srtp;

/**
 * The session keys of one direction (RFC 3711 §4.3): encryption key, authentication key and salt,
 * for SRTP and for SRTCP. Package-private and without a {@code toString()} that shows bytes.
 */
final class SessionKeys {
    final byte[] rtpKey;
    final byte[] rtpAuthKey;
    final byte[] rtpSalt;
    final byte[] rtcpKey;
    final byte[] rtcpAuthKey;
    final byte[] rtcpSalt;

    private SessionKeys(byte[] rtpKey, byte[] rtpAuthKey, byte[] rtpSalt, byte[] rtcpKey, byte[] rtcpAuthKey,
            byte[] rtcpSalt) {
        this.rtpKey = rtpKey;
        this.rtpAuthKey = rtpAuthKey;
        this.rtpSalt = rtpSalt;
        this.rtcpKey = rtcpKey;
        this.rtcpAuthKey = rtcpAuthKey;
        this.rtcpSalt = rtcpSalt;
    }

    /** Derives the six session keys from a master key with labels 0x00–0x05 (RFC 3711 §4.3.2). */
    static SessionKeys derive(SrtpProfile profile, SrtpMasterKey master) {
        master.checkFor(profile);
        byte[] k = master.key();
        byte[] s = master.salt();
        int kl = profile.keyLength();
        int al = profile.authKeyLength();
        int sl = profile.saltLength();
        try {
            return new SessionKeys(
                    KeyDerivation.derive(k, s, KeyDerivation.LABEL_RTP_ENCRYPTION, kl),
                    KeyDerivation.derive(k, s, KeyDerivation.LABEL_RTP_AUTHENTICATION, al),
                    KeyDerivation.derive(k, s, KeyDerivation.LABEL_RTP_SALT, sl),
                    KeyDerivation.derive(k, s, KeyDerivation.LABEL_RTCP_ENCRYPTION, kl),
                    KeyDerivation.derive(k, s, KeyDerivation.LABEL_RTCP_AUTHENTICATION, al),
                    KeyDerivation.derive(k, s, KeyDerivation.LABEL_RTCP_SALT, sl));
        } finally {
            java.util.Arrays.fill(k, (byte) 0);
            java.util.Arrays.fill(s, (byte) 0);
        }
    }

    /** For tests and for the RFC 7714 vectors, which give session keys directly. */
    static SessionKeys of(byte[] rtpKey, byte[] rtpAuthKey, byte[] rtpSalt, byte[] rtcpKey, byte[] rtcpAuthKey,
            byte[] rtcpSalt) {
        return new SessionKeys(rtpKey.clone(), rtpAuthKey.clone(), rtpSalt.clone(), rtcpKey.clone(),
                rtcpAuthKey.clone(), rtcpSalt.clone());
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
