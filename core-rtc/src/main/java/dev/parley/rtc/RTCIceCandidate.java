package dev.parley.rtc;

/**
 * The W3C {@code RTCIceCandidateInit}: one trickled candidate line ({@code candidate:…}, without
 * {@code a=}) and the m-line it belongs to. An empty {@link #candidate()} means end of candidates
 * for that m-line's generation (RFC 8838 §4), as {@code addIceCandidate({candidate: ""})} on the web.
 *
 * @param sdpMid the m-line's mid, or null to use {@code sdpMLineIndex}
 * @param sdpMLineIndex the m-line's index, or null
 * @param usernameFragment the ICE generation's ufrag, or null for the current one
 */
public record RTCIceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
    public RTCIceCandidate {
        candidate = candidate == null ? "" : candidate;
    }

    /** True for the end-of-candidates marker. */
    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }
}
