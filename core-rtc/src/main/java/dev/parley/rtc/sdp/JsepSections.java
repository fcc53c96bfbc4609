package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lookups JSEP needs on parsed descriptions: effective direction, transport attributes with the
 * session-level fallback, the BUNDLE group and its tag section, supported protocols, and the
 * label error messages use for a section.
 */
final class JsepSections {
    /** RFC 8829 §5.1.2/§5.1.3: the DTLS-SRTP profiles with RTCP feedback we answer (legacy RTP/SAVPF included). */
    static final Set<String> RTP_PROTOCOLS = Set.of("UDP/TLS/RTP/SAVPF", "TCP/DTLS/RTP/SAVPF", "RTP/SAVPF");
    /** RFC 8841 §4.1: SCTP over DTLS (the legacy DTLS/SCTP with a=sctpmap is not supported). */
    static final Set<String> DATA_PROTOCOLS = Set.of("UDP/DTLS/SCTP", "TCP/DTLS/SCTP");
    static final String DATA_CHANNEL_FORMAT = "webrtc-datachannel";
    static final String OFFER_RTP_PROTOCOL = "UDP/TLS/RTP/SAVPF";
    static final String OFFER_DATA_PROTOCOL = "UDP/DTLS/SCTP";

    private JsepSections() {}

    /** "m-section 1 (video, mid 1)": how messages name a section. */
    static String label(int index, MediaDescription m) {
        return "m-section " + index + " (" + m.type() + m.mid().map(mid -> ", mid " + mid).orElse("") + ")";
    }

    /** Port 0 rejects a section (RFC 3264 §6, RFC 8829 §5.3.1). */
    static boolean isRejected(MediaDescription m) {
        return m.port() == 0;
    }

    /** Any RTP profile, supported or not: such sections list payload types as formats. */
    static boolean isRtpProtocol(String protocol) {
        return protocol.contains("RTP/");
    }

    /** Media level, else session level, else sendrecv (RFC 8866 §6.7). */
    static Direction direction(SessionDescription sd, MediaDescription m) {
        return m.direction().or(sd::direction).orElse(Direction.SENDRECV);
    }

    static Optional<String> iceUfrag(SessionDescription sd, MediaDescription m) {
        return m.iceUfrag().or(sd::iceUfrag);
    }

    static Optional<String> icePwd(SessionDescription sd, MediaDescription m) {
        return m.icePwd().or(sd::icePwd);
    }

    static List<String> iceOptions(SessionDescription sd, MediaDescription m) {
        return m.iceOptions().isEmpty() ? sd.iceOptions() : m.iceOptions();
    }

    static List<Fingerprint> fingerprints(SessionDescription sd, MediaDescription m) {
        return m.fingerprints().isEmpty() ? sd.fingerprints() : m.fingerprints();
    }

    /** The a=setup role; absent means active (RFC 4145 §4). */
    static Setup setup(SessionDescription sd, MediaDescription m) {
        return m.setup().or(sd::setup).orElse(Setup.ACTIVE);
    }

    /** The first BUNDLE group: we bundle everything on one transport (max-bundle, RFC 8829 §4.1.1). */
    static Optional<Group> bundleGroup(SessionDescription sd) {
        List<Group> groups = sd.bundleGroups();
        return groups.isEmpty() ? Optional.empty() : Optional.of(groups.get(0));
    }

    /**
     * The index of the section whose transport everything uses: the BUNDLE tag (RFC 9143 §7.2.1,
     * the first mid of the group whose section is not rejected), else the first section that is
     * not rejected. Empty when every section is rejected.
     */
    static Optional<Integer> transportSection(SessionDescription sd) {
        List<MediaDescription> media = sd.media();
        Optional<Group> bundle = bundleGroup(sd);
        if (bundle.isPresent()) {
            for (String mid : bundle.get().mids()) {
                for (int i = 0; i < media.size(); i++) {
                    if (media.get(i).mid().filter(mid::equals).isPresent() && !isRejected(media.get(i))) {
                        return Optional.of(i);
                    }
                }
            }
        }
        for (int i = 0; i < media.size(); i++) {
            if (!isRejected(media.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The mids of the first BUNDLE group, or an empty list. */
    static List<String> bundleMids(SessionDescription sd) {
        return bundleGroup(sd).map(Group::mids).orElse(List.of());
    }

    /** Numeric payload types of an m= line, in order; non-numbers are skipped (the validator reports them). */
    static List<Integer> payloadTypes(MediaDescription m) {
        List<Integer> out = new ArrayList<>();
        for (String f : m.formats()) {
            try {
                out.add(SdpTokens.payloadType(f));
            } catch (SdpParseException notAPayloadType) {
                // reported by JsepValidator
            }
        }
        return out;
    }
}
