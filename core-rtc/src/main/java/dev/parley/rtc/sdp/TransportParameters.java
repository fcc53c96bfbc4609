package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Objects;

/**
 * Our ICE and DTLS parameters for a description: written into every m= section that is not
 * rejected (we bundle everything on one transport, so they are the same everywhere).
 *
 * @param setup      in an offer, usually {@code actpass} (RFC 8842 §5.2); in an answer, our
 *                   preferred role when the offer lets us choose (see {@link JsepAnswer})
 * @param candidates candidates gathered so far; empty when trickling (RFC 8838)
 */
public record TransportParameters(String iceUfrag, String icePwd, List<String> iceOptions,
                                  List<Fingerprint> fingerprints, Setup setup, List<Candidate> candidates,
                                  boolean endOfCandidates) {
    public TransportParameters {
        SdpTokens.requireWord(iceUfrag, "ice-ufrag");
        SdpTokens.requireWord(icePwd, "ice-pwd");
        iceOptions = List.copyOf(iceOptions);
        iceOptions.forEach(o -> {
            if (!SdpTokens.isToken(o)) {
                throw new IllegalArgumentException("ice option must be a token: " + o);
            }
        });
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one certificate fingerprint is needed (RFC 8827 §6.5)");
        }
        Objects.requireNonNull(setup, "setup");
        candidates = List.copyOf(candidates);
    }

    /** Trickle ICE parameters without candidates yet. */
    public static TransportParameters trickle(String iceUfrag, String icePwd, List<Fingerprint> fingerprints,
                                              Setup setup) {
        return new TransportParameters(iceUfrag, icePwd, List.of("trickle"), fingerprints, setup, List.of(), false);
    }

    /** Keeps the ICE password out of logs. */
    @Override
    public String toString() {
        return "TransportParameters[iceUfrag=" + iceUfrag + ", icePwd=<" + icePwd.length() + " chars>, iceOptions="
                + iceOptions + ", fingerprints=" + fingerprints + ", setup=" + setup + ", candidates="
                + candidates.size() + ", endOfCandidates=" + endOfCandidates + "]";
    }
}
