package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an offer/answer exchange (RFC 8829 §5.10 applied to both descriptions): the
 * remote transport, our DTLS role and, per m= section in m= line order, what was agreed.
 *
 * @param remoteTransport  empty when every section is rejected
 * @param dtlsClient       we start the DTLS handshake: our answered or the remote's answered
 *                         a=setup makes us active (RFC 8842 §5.3)
 * @param bundleMids       the answer's BUNDLE group (the first is the tag)
 * @param extMapAllowMixed both sides allow one- and two-byte header extensions mixed (RFC 8285 §6)
 */
public record NegotiatedSession(Optional<RemoteTransport> remoteTransport, boolean dtlsClient,
                                List<String> bundleMids, boolean extMapAllowMixed, List<NegotiatedMedia> media) {
    public NegotiatedSession {
        Objects.requireNonNull(remoteTransport, "remoteTransport");
        bundleMids = List.copyOf(bundleMids);
        media = List.copyOf(media);
    }

    public Optional<NegotiatedMedia> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }
}
