package dev.parley.rtc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The W3C {@code RTCConfiguration}: what a web page passes to {@code new RTCPeerConnection(…)}.
 * Everything the W3C API has no word for (timeouts, ports, which {@code Net}) is in
 * {@link EngineSettings}.
 *
 * @param certificates the DTLS identities to use; empty: one ECDSA P-256 certificate is generated
 * @param iceCandidatePoolSize accepted for compatibility; Parley gathers when the first local
 *     description is set
 */
public record RTCConfiguration(List<RTCIceServer> iceServers, RTCIceTransportPolicy iceTransportPolicy,
        RTCBundlePolicy bundlePolicy, RTCRtcpMuxPolicy rtcpMuxPolicy, List<RTCCertificate> certificates,
        int iceCandidatePoolSize) {

    public RTCConfiguration {
        iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
        Objects.requireNonNull(iceTransportPolicy, "iceTransportPolicy");
        Objects.requireNonNull(bundlePolicy, "bundlePolicy");
        Objects.requireNonNull(rtcpMuxPolicy, "rtcpMuxPolicy");
        certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        if (iceCandidatePoolSize < 0 || iceCandidatePoolSize > 255) {
            throw new RTCException(RTCException.TYPE, "iceCandidatePoolSize must be 0..255, not " + iceCandidatePoolSize);
        }
    }

    /** No ICE servers (host candidates only), policy all, max-bundle, rtcp-mux required. */
    public static RTCConfiguration defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.iceServers.addAll(iceServers);
        b.certificates.addAll(certificates);
        return b.iceTransportPolicy(iceTransportPolicy).bundlePolicy(bundlePolicy).rtcpMuxPolicy(rtcpMuxPolicy)
                .iceCandidatePoolSize(iceCandidatePoolSize);
    }

    public static final class Builder {
        private final List<RTCIceServer> iceServers = new ArrayList<>();
        private final List<RTCCertificate> certificates = new ArrayList<>();
        private RTCIceTransportPolicy iceTransportPolicy = RTCIceTransportPolicy.ALL;
        private RTCBundlePolicy bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        private RTCRtcpMuxPolicy rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        private int iceCandidatePoolSize;

        private Builder() {}

        public Builder iceServer(RTCIceServer server) {
            iceServers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        public Builder iceServers(List<RTCIceServer> servers) {
            iceServers.clear();
            iceServers.addAll(servers);
            return this;
        }

        public Builder iceTransportPolicy(RTCIceTransportPolicy policy) {
            this.iceTransportPolicy = policy;
            return this;
        }

        public Builder bundlePolicy(RTCBundlePolicy policy) {
            this.bundlePolicy = policy;
            return this;
        }

        public Builder rtcpMuxPolicy(RTCRtcpMuxPolicy policy) {
            this.rtcpMuxPolicy = policy;
            return this;
        }

        public Builder certificate(RTCCertificate certificate) {
            certificates.add(Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        public Builder iceCandidatePoolSize(int size) {
            this.iceCandidatePoolSize = size;
            return this;
        }

        public RTCConfiguration build() {
            return new RTCConfiguration(iceServers, iceTransportPolicy, bundlePolicy, rtcpMuxPolicy, certificates,
                    iceCandidatePoolSize);
        }
    }
}
