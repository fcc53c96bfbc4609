package dev.parley.app.call;

/**
 * Where a {@link PeerCall} sends what the other end must hear: its descriptions and candidates.
 * Signaling carries them for a real call; an in-process test call hands them straight over.
 */
public interface CallSignals {
    /** An offer or answer; {@code sdpType} is W3C's {@code RTCSdpType} spelling. */
    void sendDescription(String sdpType, String sdp);

    /** A trickled candidate; an empty {@code candidate} (and null rest) marks the end of candidates. */
    void sendCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment);
}
