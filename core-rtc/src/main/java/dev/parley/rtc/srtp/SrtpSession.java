package dev.parley.rtc.srtp;

import java.util.Objects;

/**
 * SRTP and SRTCP for one DTLS-SRTP association (RFC 3711; RFC 7714 for GCM): protects what we send
 * with the local master key and unprotects what the peer sends with the remote one. Crypto
 * contexts are kept per SSRC and created on each SSRC's first packet (for received packets: its
 * first authentic one).
 *
 * <p>Every method returns a new array and leaves its input untouched. Refused packets throw
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

    /** Authenticates, replay-checks and decrypts one SRTP packet. */
    public byte[] unprotectRtp(byte[] packet) throws SrtpException {
        return receiver.unprotectRtp(packet, 0, packet.length);
    }

    public byte[] unprotectRtp(byte[] buffer, int offset, int length) throws SrtpException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return receiver.unprotectRtp(buffer, offset, length);
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
