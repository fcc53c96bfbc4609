package dev.parley.rtc.srtp;

/**
 * The per-packet cryptography of one direction: encryption and authentication of SRTP and SRTCP
 * packets whose index is already known. Index estimation, replay and validation live in
 * {@link SrtpSender} and {@link SrtpReceiver}; this class only turns bytes into bytes.
 *
 * <p>An instance owns reusable {@code Cipher}/{@code Mac} objects and scratch buffers, so it is
 * confined to one thread at a time.
 */
abstract class PacketTransform {
    final SrtpProfile profile;

    PacketTransform(SrtpProfile profile) {
        this.profile = profile;
    }

    static PacketTransform create(SrtpProfile profile, SessionKeys keys) {
        return profile.isAead() ? new AesGcmTransform(profile, keys) : new AesCmHmacTransform(profile, keys);
    }

    /**
     * Protects the RTP packet {@code in[off, off+len)} whose header is {@code headerLength} bytes,
     * writing {@code len + rtpTagLength()} bytes to {@code out} at {@code outOff}. {@code out} may be
     * {@code in} at the same offset (in place); other overlaps are the caller's to prevent.
     */
    abstract void protectRtp(byte[] in, int off, int len, int headerLength, int ssrc, int roc, int seq, byte[] out,
            int outOff);

    /**
     * Authenticates the SRTP packet {@code in[off, off+len)} (tag included) under the given ROC and,
     * only if it is authentic, decrypts it: {@code len - rtpTagLength()} bytes of RTP to {@code out}
     * at {@code outOff} (which may be {@code in} at the same offset). Returns false, with {@code out}
     * untouched, if authentication fails.
     */
    abstract boolean unprotectRtp(byte[] in, int off, int len, int headerLength, int ssrc, int roc, int seq,
            byte[] out, int outOff);

    /** Protects the compound RTCP packet {@code in[off, off+len)} with SRTCP index {@code index} (E = 1). */
    abstract byte[] protectRtcp(byte[] in, int off, int len, int ssrc, int index);

    /**
     * Authenticates and (if E is set) decrypts the SRTCP packet {@code in[off, off+len)}, whose
     * E-flag and index word is {@code eAndIndex}. Returns the RTCP packet, or null if
     * authentication fails.
     */
    abstract byte[] unprotectRtcp(byte[] in, int off, int len, int ssrc, int eAndIndex);

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
