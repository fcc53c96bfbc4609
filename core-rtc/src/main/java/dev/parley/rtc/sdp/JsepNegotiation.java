package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepSections.isRejected;
import static dev.parley.rtc.sdp.JsepSections.label;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads what an offer/answer exchange agreed (RFC 8829 §5.10, RFC 3264 §6.1), for the peer
 * connection to set up its transports, receivers and senders. Pure: the descriptions in, a
 * {@link NegotiatedSession} out.
 *
 * <p>Payload types and fmtp come from the side that receives: we send with the remote's
 * (RFC 3264 §5.1: a description lists what its writer receives), we receive with ours. The
 * agreed set is the answer's formats; the agreed feedback and header extensions are the
 * answer's.
 */
public final class JsepNegotiation {
    /** RFC 8841 §5.1 and §6.1 defaults when a=sctp-port or a=max-message-size is absent. */
    static final int DEFAULT_SCTP_PORT = 5000;
    static final long DEFAULT_MAX_MESSAGE_SIZE = 65_536;

    private JsepNegotiation() {}

    /**
     * @param local           our offer or answer, as applied
     * @param remote          the remote's answer or offer
     * @param localIsOfferer  whether {@code local} is the offer
     * @throws JsepException  if {@code remote} is invalid or the answer does not fit the offer
     */
    public static NegotiatedSession negotiate(SessionDescription local, SessionDescription remote,
                                              boolean localIsOfferer) throws JsepException {
        SessionDescription offer = localIsOfferer ? local : remote;
        SessionDescription answer = localIsOfferer ? remote : local;
        JsepValidator.checkDescription(remote, !localIsOfferer);
        JsepValidator.checkAnswer(offer, answer);

        List<NegotiatedMedia> media = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            media.add(section(i, local, remote, localIsOfferer));
        }
        Optional<Integer> tag = bundleTag(offer, answer);
        Setup answered = tag.map(i -> JsepSections.setup(answer, answer.media().get(i)))
                .orElse(answer.setup().orElse(Setup.ACTIVE));
        // active answerer connects; passive answerer leaves connecting to the offerer (RFC 8842 §5.3)
        boolean dtlsClient = localIsOfferer ? answered == Setup.PASSIVE : answered == Setup.ACTIVE;
        return new NegotiatedSession(tag.map(i -> remoteTransport(remote, i)), dtlsClient,
                JsepSections.bundleMids(answer), offer.extMapAllowMixed() && answer.extMapAllowMixed(), media);
    }

    /**
     * The section whose transport the bundle uses: the answer's BUNDLE tag (RFC 9143 §7.3.1: the
     * first mid of the answer's group, which both sides then use), else the first section neither
     * side rejected. Empty when every section is rejected.
     */
    private static Optional<Integer> bundleTag(SessionDescription offer, SessionDescription answer) {
        List<String> bundle = JsepSections.bundleMids(answer);
        for (int i = 0; i < answer.media().size(); i++) {
            MediaDescription a = answer.media().get(i);
            boolean accepted = !isRejected(a) && !isRejected(offer.media().get(i));
            if (accepted && (bundle.isEmpty() || a.mid().filter(bundle.get(0)::equals).isPresent())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static RemoteTransport remoteTransport(SessionDescription remote, int index) {
        MediaDescription m = remote.media().get(index);
        // JsepValidator checked the transport attributes of every section that is not bundled
        // behind another; a bundled one falls back to the remote's own tag section
        MediaDescription t = JsepSections.iceUfrag(remote, m).isPresent()
                && JsepSections.icePwd(remote, m).isPresent() && !JsepSections.fingerprints(remote, m).isEmpty()
                ? m : remote.media().get(JsepSections.transportSection(remote).orElse(index));
        return new RemoteTransport(JsepSections.iceUfrag(remote, t).orElseThrow(),
                JsepSections.icePwd(remote, t).orElseThrow(), JsepSections.iceOptions(remote, t),
                JsepSections.fingerprints(remote, t), JsepSections.setup(remote, t), remote.iceLite(),
                t.candidates(), t.endOfCandidates());
    }

    private static NegotiatedMedia section(int i, SessionDescription local, SessionDescription remote,
                                           boolean localIsOfferer) throws JsepException {
        MediaDescription l = local.media().get(i);
        MediaDescription r = remote.media().get(i);
        MediaDescription a = localIsOfferer ? r : l;
        Optional<MediaKind> kind = MediaKind.fromSdpName(l.type());
        if (isRejected(l) || isRejected(r) || kind.isEmpty()) {
            return NegotiatedMedia.rejected(i, l.mid(), kind);
        }
        Direction answered = JsepSections.direction(localIsOfferer ? remote : local, a);
        Direction ours = localIsOfferer ? answered.reverse() : answered;
        if (!kind.get().isRtp()) {
            OptionalInt port = r.sctpPort();
            OptionalLong size = r.maxMessageSize();
            return new NegotiatedMedia(i, l.mid(), kind, false, ours, List.of(), Map.of(), List.of(), List.of(), false,
                    OptionalInt.of(port.orElse(DEFAULT_SCTP_PORT)),
                    OptionalLong.of(size.orElse(DEFAULT_MAX_MESSAGE_SIZE)));
        }
        Set<Integer> agreed = new HashSet<>(JsepSections.payloadTypes(a));
        List<CodecCapability> send = agreedCodecs(r, a, agreed);
        Map<Integer, CodecCapability> receive = new LinkedHashMap<>();
        agreedCodecs(l, a, agreed).forEach(c -> receive.put(c.payloadType(), c));
        return new NegotiatedMedia(i, l.mid(), kind, false, ours, send, receive, a.extMaps(),
                RemoteSender.fromSection(r, label(i, r)), r.rtcpReducedSize(), OptionalInt.empty(),
                OptionalLong.empty());
    }

    /** The codecs of {@code described} the answer agreed to, in its order, with the answer's feedback. */
    private static List<CodecCapability> agreedCodecs(MediaDescription described, MediaDescription answer,
                                                      Set<Integer> agreed) {
        List<CodecCapability> out = new ArrayList<>();
        for (CodecCapability c : SectionCodecs.read(described)) {
            if (agreed.contains(c.payloadType())) {
                List<String> feedback = SectionCodecs.codec(answer, c.payloadType())
                        .map(CodecCapability::rtcpFeedback).orElse(List.of());
                out.add(c.withRtcpFeedback(feedback));
            }
        }
        return out;
    }
}
