package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsTransport;
import dev.parley.rtc.ice.CandidatePair;
import dev.parley.rtc.ice.IceAgent;
import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.interceptor.report.InboundStreamStats;
import dev.parley.rtc.interceptor.report.OutboundStreamStats;
import dev.parley.rtc.interceptor.report.RemoteInboundStats;
import dev.parley.rtc.interceptor.report.RtpStatsSnapshot;
import dev.parley.rtc.media.AudioEnergy;
import dev.parley.rtc.media.AudioPlayoutStats;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.srtp.SrtpSession;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.tls.CipherSuite;

/**
 * Builds a W3C {@link RTCStatsReport} (webrtc-stats) from the peer connection's parts, with the
 * W3C types, member names and id references ({@code transportId}, {@code codecId}, …). Runs on the
 * executor, so every figure comes from one consistent moment.
 */
final class StatsCollector {
    private static final String TRANSPORT_ID = "T01";

    private final PeerSession s;
    private final double now = System.currentTimeMillis();
    private final List<RTCStats> out = new ArrayList<>();

    StatsCollector(PeerSession session) {
        this.s = session;
    }

    RTCStatsReport collect() {
        DataChannels channels = s.dataChannels;
        out.add(new RTCStats.Builder("P", "peer-connection", now)
                .put("dataChannelsOpened", channels.opened).put("dataChannelsClosed", channels.closed).build());
        for (RTCDataChannel channel : channels.channels()) {
            dataChannel(channel);
        }
        BundleTransport transport = s.transport;
        if (transport != null) {
            transport(transport);
        }
        rtp();
        return new RTCStatsReport(out);
    }

    /** W3C RTCDataChannelStats. */
    private void dataChannel(RTCDataChannel channel) {
        RTCStats.Builder d = new RTCStats.Builder("D" + channel.ordinal, "data-channel", now)
                .put("label", channel.label()).put("protocol", channel.protocol())
                .put("state", channel.readyState().w3cName())
                .put("messagesSent", channel.messagesSent.get()).put("bytesSent", channel.bytesSent.get())
                .put("messagesReceived", channel.messagesReceived).put("bytesReceived", channel.bytesReceived);
        channel.id().ifPresent(id -> d.put("dataChannelIdentifier", (long) id));
        out.add(d.build());
    }

    private void transport(BundleTransport transport) {
        IceAgent ice = transport.ice();
        DtlsTransport dtls = transport.dtls();
        RTCStats.Builder t = new RTCStats.Builder(TRANSPORT_ID, "transport", now)
                .put("bytesSent", transport.bytesSent()).put("bytesReceived", transport.bytesReceived())
                .put("packetsSent", transport.packetsSent()).put("packetsReceived", transport.packetsReceived())
                .put("iceRole", ice.isControlling() ? "controlling" : "controlled")
                .put("iceLocalUsernameFragment", s.localIce.ufrag())
                .put("iceState", ice.connectionState().w3cName())
                .put("dtlsState", dtls.state().w3cName());
        dtls.role().ifPresent(r -> t.put("dtlsRole", r.name().toLowerCase(Locale.ROOT)));
        if (dtls.state() == RTCDtlsTransportState.CONNECTED) {
            t.put("tlsVersion", "FEFD").put("dtlsCipher", cipherName(dtls.cipherSuite()));
        }
        SrtpSession srtp = transport.srtpSession();
        if (srtp != null) {
            t.put("srtpCipher", srtp.profile().name().replaceFirst("^SRTP_", ""));
        }
        t.put("localCertificateId", certificate(s.pc.certificate().getFingerprints().get(0),
                s.pc.certificate().dtlsCertificate().encoded()));
        dtls.remoteCertificate().ifPresent(der -> t.put("remoteCertificateId", certificate(
                dev.parley.rtc.dtls.CertificateFingerprints.of(dev.parley.rtc.dtls.CertificateFingerprints.SHA_256, der),
                der)));
        CandidatePair selected = ice.selectedPair();
        Set<String> candidates = new HashSet<>();
        for (CandidatePair pair : ice.pairs()) {
            String localId = candidate(pair.local(), "local-candidate", candidates);
            String remoteId = candidate(pair.remote(), "remote-candidate", candidates);
            String id = "CP" + localId.substring(1) + "_" + remoteId.substring(1);
            RTCStats.Builder cp = new RTCStats.Builder(id, "candidate-pair", now).put("transportId", TRANSPORT_ID)
                    .put("localCandidateId", localId).put("remoteCandidateId", remoteId)
                    .put("state", pair.state().w3cName()).put("nominated", pair.nominated())
                    .put("priority", pair.priority());
            if (pair == selected) {
                t.put("selectedCandidatePairId", id);
                cp.put("availableOutgoingBitrate", (double) s.pc.media().availableOutgoingBitrate());
            }
            out.add(cp.build());
        }
        t.put("srtpPacketsDropped", transport.srtpDropped());
        if (srtp != null) {
            // Not W3C members (webrtc-stats has none for this): how many packets SRTP refused, and why.
            t.put("srtpAuthenticationFailures", srtp.authFailures()).put("srtpReplayed", srtp.replayed());
        }
        out.add(t.build());
    }

    private String candidate(IceCandidate c, String type, Set<String> seen) {
        String id = (type.startsWith("local") ? "I" : "R") + Integer.toHexString(
                (c.address().toString() + c.type() + c.protocol()).hashCode());
        if (seen.add(id)) {
            out.add(new RTCStats.Builder(id, type, now).put("transportId", TRANSPORT_ID)
                    .put("address", c.address().getAddress().getHostAddress()).put("port", (long) c.address().getPort())
                    .put("protocol", c.protocol().name().toLowerCase(Locale.ROOT))
                    .put("candidateType", c.type().sdpName()).put("priority", c.priority())
                    .put("foundation", c.foundation()).build());
        }
        return id;
    }

    /** A {@code certificate} stats object, identified by its fingerprint; its id. */
    private String certificate(Fingerprint fingerprint, byte[] der) {
        String value = fingerprint.toValue();
        String hex = value.substring(value.indexOf(' ') + 1); // the value without "sha-256 "
        String id = "CF" + hex;
        out.add(new RTCStats.Builder(id, "certificate", now).put("fingerprintAlgorithm", fingerprint.hashFunction())
                .put("fingerprint", hex)
                .put("base64Certificate", Base64.getEncoder().encodeToString(der)).build());
        return id;
    }

    private void rtp() {
        RtpStatsSnapshot snapshot = s.pc.media().rtpStats().getNow(null);
        Set<String> codecs = new HashSet<>();
        for (RTCRtpTransceiver t : s.transceivers) {
            if (t.isStopped() || t.mid().isEmpty()) {
                continue;
            }
            String mid = t.mid().get();
            RTCRtpSender sender = t.sender();
            if (snapshot != null && snapshot.outbound().containsKey(sender.ssrc())) {
                OutboundStreamStats o = snapshot.outbound().get(sender.ssrc());
                String codecId = codec(sender.pipeline().negotiatedCodecs(), o.payloadType(), "S", codecs);
                String id = "OT" + mid + "A" + sender.ssrc();
                RTCStats.Builder b = new RTCStats.Builder(id, "outbound-rtp", now).put("ssrc", sender.ssrc())
                        .put("kind", o.kind()).put("mid", mid).put("transportId", TRANSPORT_ID).put("codecId", codecId)
                        .put("packetsSent", o.packetsSent()).put("bytesSent", o.bytesSent())
                        .put("headerBytesSent", o.headerBytesSent()).put("active", sender.encoding().active());
                s.pc.media().retransmissions(sender.ssrc()).ifPresent(r -> b.put("nackCount", r.nacksReceived())
                        .put("retransmittedPacketsSent", r.packetsResent())
                        .put("retransmittedBytesSent", r.payloadBytesResent()));
                if (sender.pipeline() instanceof VideoSendPipeline video) {
                    MediaRouting.KeyFrameRequests asked = s.pc.media().keyFrameRequests(sender.ssrc());
                    b.put("pliCount", asked.pli()).put("firCount", asked.fir());
                    VideoSendPipeline.Counters v = video.counters();
                    b.put("framesEncoded", v.framesEncoded()).put("keyFramesEncoded", v.keyFramesEncoded())
                            .put("totalEncodeTime", v.totalEncodeNanos() / 1e9)
                            .put("targetBitrate", (double) v.targetBitrate())
                            .put("framesPerSecond", (double) v.framesPerSecond());
                    v.qpSum().ifPresent(qp -> b.put("qpSum", qp));
                    if (v.frameWidth() > 0) {
                        b.put("frameWidth", (long) v.frameWidth()).put("frameHeight", (long) v.frameHeight());
                    }
                }
                MediaStreamTrack track = sender.track();
                if (track != null) {
                    String sourceId = "SA" + track.id();
                    b.put("mediaSourceId", sourceId);
                    RTCStats.Builder source = new RTCStats.Builder(sourceId, "media-source", now)
                            .put("trackIdentifier", track.id()).put("kind", track.kind());
                    AudioEnergy energy = sender.sourceEnergy();
                    if (energy != null) {
                        energy.audioLevel().ifPresent(level -> source.put("audioLevel", level));
                        source.put("totalAudioEnergy", energy.totalAudioEnergy())
                                .put("totalSamplesDuration", energy.totalSamplesDuration());
                    }
                    out.add(source.build());
                }
                if (snapshot.remoteInbound().containsKey(sender.ssrc())) {
                    RemoteInboundStats r = snapshot.remoteInbound().get(sender.ssrc());
                    String rid = "RI" + mid + "A" + sender.ssrc();
                    b.put("remoteId", rid);
                    RTCStats.Builder rb = new RTCStats.Builder(rid, "remote-inbound-rtp", now).put("ssrc", sender.ssrc())
                            .put("kind", r.kind()).put("transportId", TRANSPORT_ID).put("codecId", codecId)
                            .put("localId", id).put("packetsLost", r.packetsLost()).put("fractionLost", r.fractionLost())
                            .put("jitter", r.jitter()).put("totalRoundTripTime", r.totalRoundTripTime())
                            .put("roundTripTimeMeasurements", r.roundTripTimeMeasurements());
                    r.roundTripTime().ifPresent(rtt -> rb.put("roundTripTime", rtt));
                    out.add(rb.build());
                }
                out.add(b.build());
            }
            RTCRtpReceiver receiver = t.receiver();
            long remoteSsrc = s.pc.media().remoteSsrcOf(receiver);
            if (snapshot != null && remoteSsrc >= 0 && snapshot.inbound().containsKey(remoteSsrc)) {
                InboundStreamStats in = snapshot.inbound().get(remoteSsrc);
                String codecId = codec(List.copyOf(receiver.config().receiveCodecs().values()), in.payloadType(), "R", codecs);
                RTCStats.Builder b = new RTCStats.Builder("IT" + mid + "A" + remoteSsrc, "inbound-rtp", now)
                        .put("ssrc", remoteSsrc).put("kind", in.kind()).put("mid", mid).put("transportId", TRANSPORT_ID)
                        .put("codecId", codecId).put("trackIdentifier", receiver.track().id())
                        .put("packetsReceived", in.packetsReceived()).put("bytesReceived", in.bytesReceived())
                        .put("headerBytesReceived", in.headerBytesReceived()).put("packetsLost", in.packetsLost())
                        .put("jitter", in.jitter());
                if (in.lastPacketReceivedTimestamp() != null) {
                    b.put("lastPacketReceivedTimestamp", (double) in.lastPacketReceivedTimestamp().toEpochMilli());
                }
                s.pc.media().nacks(remoteSsrc).ifPresent(n -> b.put("nackCount", n.nacksSent()));
                VideoReceivePipeline.Counters video = receiver.videoCounters();
                if (video != null) {
                    b.put("framesDecoded", video.framesDecoded()).put("keyFramesDecoded", video.keyFramesDecoded())
                            .put("pliCount", video.keyFrameRequests())
                            .put("totalDecodeTime", video.totalDecodeNanos() / 1e9)
                            .put("framesDropped", video.framesDropped())
                            .put("jitterBufferDelay", video.playoutDelayNanos() / 1e9)
                            .put("jitterBufferEmittedCount", video.framesShown())
                            .put("framesPerSecond", (double) video.framesPerSecond());
                    video.qpSum().ifPresent(qp -> b.put("qpSum", qp));
                    if (video.frameWidth() > 0) {
                        b.put("frameWidth", (long) video.frameWidth()).put("frameHeight", (long) video.frameHeight());
                    }
                }
                if (receiver.kind() == dev.parley.rtc.sdp.MediaKind.AUDIO) {
                    AudioEnergy energy = receiver.energy();
                    energy.audioLevel().ifPresent(level -> b.put("audioLevel", level));
                    b.put("totalAudioEnergy", energy.totalAudioEnergy())
                            .put("totalSamplesDuration", energy.totalSamplesDuration());
                    audioPlayout(b, receiver.audioPlayout());
                }
                out.add(b.build());
            }
        }
    }

    /** The jitter buffer's members of W3C RTCInboundRtpStreamStats (audio). */
    private static void audioPlayout(RTCStats.Builder b, AudioPlayoutStats p) {
        b.put("jitterBufferDelay", p.jitterBufferDelay()).put("jitterBufferTargetDelay", p.jitterBufferTargetDelay())
                .put("jitterBufferEmittedCount", p.jitterBufferEmittedCount())
                .put("totalSamplesReceived", p.totalSamplesReceived()).put("concealedSamples", p.concealedSamples())
                .put("silentConcealedSamples", p.silentConcealedSamples())
                .put("concealmentEvents", p.concealmentEvents())
                .put("insertedSamplesForDeceleration", p.insertedSamplesForDeceleration())
                .put("removedSamplesForAcceleration", p.removedSamplesForAcceleration())
                .put("fecPacketsReceived", p.fecPacketsReceived()).put("packetsDiscarded", p.packetsDiscarded());
    }

    /** A {@code codec} stats object for the codec a stream uses; its id. */
    private String codec(List<CodecCapability> negotiated, int payloadType, String direction, Set<String> seen) {
        String id = "C" + direction + TRANSPORT_ID + "_" + payloadType;
        if (seen.add(id)) {
            for (CodecCapability c : negotiated) {
                if (c.payloadType() == payloadType) {
                    String kind = c.clockRate() == 90000 ? "video" : "audio";
                    RTCStats.Builder b = new RTCStats.Builder(id, "codec", now).put("transportId", TRANSPORT_ID)
                            .put("payloadType", (long) payloadType).put("mimeType", kind + "/" + c.name())
                            .put("clockRate", (long) c.clockRate());
                    if (kind.equals("audio")) {
                        b.put("channels", (long) c.channels());
                    }
                    out.add(b.build());
                }
            }
        }
        return id;
    }

    private static String cipherName(int suite) {
        switch (suite) {
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
                return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
                return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:
                return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256:
                return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
            default:
                return "0x" + Integer.toHexString(suite);
        }
    }
}
