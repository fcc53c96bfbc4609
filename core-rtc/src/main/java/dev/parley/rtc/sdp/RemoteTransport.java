package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * The remote side's ICE and DTLS parameters, from the section whose transport the bundle uses
 * (the BUNDLE tag, RFC 9143 §7.2.1) with the session-level fallback.
 *
 * @param setup   the remote's a=setup (absent means active, RFC 4145 §4)
 * @param iceLite the remote is an ICE lite agent (RFC 8839 §5.3): we must be controlling
 */
public record RemoteTransport(String iceUfrag, String icePwd, List<String> iceOptions,
                              List<Fingerprint> fingerprints, Setup setup, boolean iceLite,
                              List<Candidate> candidates, boolean endOfCandidates) {
    public RemoteTransport {
        Objects.requireNonNull(iceUfrag, "iceUfrag");
        Objects.requireNonNull(icePwd, "icePwd");
        iceOptions = List.copyOf(iceOptions);
        fingerprints = List.copyOf(fingerprints);
        Objects.requireNonNull(setup, "setup");
        candidates = List.copyOf(candidates);
    }

    /** True if the remote signalled trickle ICE support (RFC 8840 §4.1.1). */
    public boolean trickle() {
        return iceOptions.contains("trickle");
    }

    /** Keeps the ICE password out of logs. */
    @Override
    public String toString() {
        return "RemoteTransport[iceUfrag=" + iceUfrag + ", icePwd=<" + icePwd.length() + " chars>, iceOptions="
                + iceOptions + ", fingerprints=" + fingerprints + ", setup=" + setup + ", iceLite=" + iceLite
                + ", candidates=" + candidates + ", endOfCandidates=" + endOfCandidates + "]";
    }
}
