package dev.parley.rtc.ice;

import java.util.Objects;

/**
 * A local candidate with what sends through it. Server-reflexive candidates share their base's
 * transport; they are signalled but never paired (RFC 8445 §6.1.2.4).
 *
 * @param localPreference the preference its priority was computed from, reused for the PRIORITY
 *     attribute of checks sent from it (RFC 8445 §7.1.1)
 */
record LocalCandidate(IceCandidate candidate, CandidateTransport transport, int localPreference) {
    LocalCandidate {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(transport, "transport");
    }

    /** The priority a peer-reflexive candidate learned from this one's checks would have. */
    long peerReflexivePriority() {
        return CandidatePriority.of(CandidateType.PEER_REFLEXIVE, localPreference, candidate.component());
    }
}
