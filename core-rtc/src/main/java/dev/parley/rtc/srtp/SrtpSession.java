package dev.parley.rtc.srtp;

import java.util.Objects;

/**
 * SRTP and SRTCP for one DTLS-SRTP association (RFC 3711; RFC 7714 for GCM): protects what we send
 * with the local master key and unprotects what the peer sends with the remote one. Crypto
 * contexts are kept per SSRC and created on each SSRC's first packet (for received packets: its
 * first authentic one).
 *
 * <p>The array-returning methods return a new array and leave their input untouched. For a hot
 * path that allocates no packet arrays, {@link #protectRtp(byte[], int, int, byte[], int)} and
 * {@link #unprotectRtp(byte[], int, int, byte[], int)} write into the caller's buffer, in place if
 * asked. Refused packets throw
 * {@link SrtpException} and are counted ({@link #authFailures()}, {@link #replayed()},
 * {@link #malformed()}); they are never delivered.
 *
 * <p>Threading: the two directions are independent. Call {@code protect*} from one thread (the
 * sending one) and {@code unprotect*} from one thread (the receiving one); the two may differ.
 * Counters may be read from any thread. Neither this class nor anything it holds prints keys.
 */
public final class SrtpSession {
    private final SrtpProfile profile;
    private final SrtpCounters counters = new SrtpCounters();
    private final SrtpSender sender;
    private final SrtpReceiver receiver;

    /** A session deriving its session keys from the two master keys (RFC 3711 §4.3, kdr = 0). */
    public SrtpSession(SrtpProfile profile, SrtpMasterKey local, SrtpMasterKey remote) {
        this(profile, SessionKeys.derive(profile, local), SessionKeys.derive(profile, remote));
    }

    /** A session on already derived session keys (test vectors such as RFC 7714's give these). */
    SrtpSession(SrtpProfile profile, SessionKeys local, SessionKeys remote) {
        this.profile = Objects.requireNonNull(profile);
        this.sender = new SrtpSender(PacketTransform.create(profile, local), counters);
        this.receiver = new SrtpReceiver(PacketTransform.create(profile, remote), counters);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /**
     * Encrypts and authenticates one RTP packet (RFC 3711 §3.3). Throws {@link SrtpException}
     * ({@code REPLAYED}, not counted) if this session already protected a packet with the same
     * index, since reusing an index reuses keystream; retransmit through RTX instead.
     */
    public byte[] protectRtp(byte[] packet) throws SrtpException {
        return sender.protectRtp(packet, 0, packet.length);
    }

    public byte[] protectRtp(byte[] buffer, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return sender.protectRtp(buffer, offset, length);
    }

    /**
     * Protects {@code buffer[offset, offset+length)} into {@code out} at {@code outOffset}, allocating
     * no packet array (the JDK's ciphers and digests still make small short-lived objects), and returns the SRTP length: {@code length + profile().rtpTagLength()}. {@code out}
     * may be {@code buffer} with {@code outOffset == offset} (in place, with room for the tag after
     * the packet); any other overlap is refused. A refused packet leaves the session's state as it
     * was, and so does an {@code out} too small (an {@link IndexOutOfBoundsException}).
     */
    public int protectRtp(byte[] buffer, int offset, int length, byte[] out, int outOffset) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int outLength = length + profile.rtpTagLength();
        checkOutput(buffer, offset, length, out, outOffset, outLength);
        return sender.protectRtp(buffer, offset, length, out, outOffset);
    }

    /** Authenticates, replay-checks and decrypts one SRTP packet. */
    public byte[] unprotectRtp(byte[] packet) throws SrtpException {
        return receiver.unprotectRtp(packet, 0, packet.length);
    }

    public byte[] unprotectRtp(byte[] buffer, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return receiver.unprotectRtp(buffer, offset, length);
    }

    /**
     * Unprotects {@code buffer[offset, offset+length)} into {@code out} at {@code outOffset}, allocating
     * no packet array, and returns the RTP length: {@code length - profile().rtpTagLength()}. {@code out}
     * may be {@code buffer} with {@code outOffset == offset} (in place); any other overlap is
     * refused. {@code out} is written only if the packet is authentic: a refused packet leaves it,
     * and the session's state, as they were.
     */
    public int unprotectRtp(byte[] buffer, int offset, int length, byte[] out, int outOffset) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        // A packet shorter than its tag is malformed input, counted by the receiver, not a bounds error.
        int outLength = Math.max(0, length - profile.rtpTagLength());
        checkOutput(buffer, offset, length, out, outOffset, outLength);
        return receiver.unprotectRtp(buffer, offset, length, out, outOffset);
    }

    /** Bounds of {@code out}, and in place or disjoint: the transforms rely on one or the other. */
    private static void checkOutput(byte[] in, int offset, int length, byte[] out, int outOffset, int outLength) {
        Objects.checkFromIndexSize(outOffset, outLength, out.length);
        if (in == out && outOffset != offset && outOffset < offset + length && offset < outOffset + outLength) {
            throw new IllegalArgumentException("out overlaps the input without being in place");
        }
    }

    /** Encrypts and authenticates one (compound) RTCP packet, always with E = 1 (RFC 3711 §3.4). */
    public byte[] protectRtcp(byte[] packet) throws SrtpException {
        return sender.protectRtcp(packet, 0, packet.length);
    }

    public byte[] protectRtcp(byte[] buffer, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return sender.protectRtcp(buffer, offset, length);
    }

    /** Authenticates, replay-checks and decrypts one SRTCP packet. */
    public byte[] unprotectRtcp(byte[] packet) throws SrtpException {
        return receiver.unprotectRtcp(packet, 0, packet.length);
    }

    public byte[] unprotectRtcp(byte[] buffer, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return receiver.unprotectRtcp(buffer, offset, length);
    }

    /** Packets dropped because their tag did not verify. */
    public long authFailures() {
        return counters.authFailures.get();
    }

    /** Packets dropped as replays or as older than the replay window. */
    public long replayed() {
        return counters.replayed.get();
    }

    /** Packets dropped as too short or otherwise not SRTP/SRTCP (or not RTP/RTCP, on protect). */
    public long malformed() {
        return counters.malformed.get();
    }

    @Override
    public String toString() {
        return "SrtpSession[" + profile + ", authFailures=" + authFailures() + ", replayed=" + replayed()
                + ", malformed=" + malformed() + "]";
    }
}
