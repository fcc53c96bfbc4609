package dev.parley.rtc;

import dev.parley.rtc.interceptor.AbsSendTime;
import dev.parley.rtc.interceptor.FeedbackWriter;
import dev.parley.rtc.interceptor.InterceptorChain;
import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.interceptor.nack.NackGenerator;
import dev.parley.rtc.interceptor.nack.NackResponder;
import dev.parley.rtc.interceptor.nack.NackSettings;
import dev.parley.rtc.interceptor.report.ReportInterceptor;
import dev.parley.rtc.interceptor.report.RtpStatsSnapshot;
import dev.parley.rtc.interceptor.twcc.TransportCc;
import dev.parley.rtc.interceptor.twcc.TwccReceiver;
import dev.parley.rtc.interceptor.twcc.TwccSender;
import dev.parley.rtc.media.Pacer;
import dev.parley.rtc.media.gcc.BandwidthEstimator;
import dev.parley.rtc.media.gcc.ProbeRequest;
import dev.parley.rtc.rtp.FullIntraRequest;
import dev.parley.rtc.rtp.PictureLossIndication;
import dev.parley.rtc.rtp.Remb;
import dev.parley.rtc.rtp.RtcpCompound;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseException;
import dev.parley.rtc.rtp.RtxPacket;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.ExtMap;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.sdp.NegotiatedMedia;
import dev.parley.rtc.sdp.NegotiatedSession;
import dev.parley.rtc.sdp.RemoteSender;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The RTP side of a peer connection: outgoing packets pass the interceptor chain (RTCP reports
 * today; NACK, TWCC and pacing later) to the transport; incoming RTP is routed to its receiver
 * ({@link RtpRouter}) and incoming RTCP to the interceptors. Negotiation configures senders,
 * receivers and routes through {@link #configure}. On the executor.
 */
final class MediaRouting {
    private final PeerSession s;
    private final RtpRouter router = new RtpRouter();
    private final ReportInterceptor reports;
    private final InterceptorChain chain;
    /** The interceptors' view of each bound stream, by SSRC, to unbind it again. */
    private final Map<Long, StreamInfo> localStreams = new HashMap<>();
    /** The sender of each bound local stream, for the key frames a peer asks for. */
    private final Map<Long, RTCRtpSender> sendersBySsrc = new HashMap<>();
    /** Our PLIs go out as every receiver's feedback does (sender SSRC, RR in front without rtcp-rsize). */
    private final FeedbackWriter feedback;
    private final Map<Long, StreamInfo> remoteStreams = new HashMap<>();
    private final Map<RTCRtpReceiver, StreamTemplate> receiveTemplates = new HashMap<>();
    /** The media SSRC each receiver gets, to unwrap the RTX packets that repair it. */
    private final Map<RTCRtpReceiver, Long> mediaSsrcByReceiver = new HashMap<>();
    private final NackGenerator nackGenerator;
    private final NackResponder nackResponder;
    private final TwccReceiver twccReceiver;
    private final Map<Long, KeyFrameRequests> keyFrameRequests = new java.util.concurrent.ConcurrentHashMap<>();
    private final Pacer pacer;
    private final BandwidthEstimator bandwidth;
    private final StreamSynchronizer sync;
    private long malformedRtp;
    private long malformedRtcp;
    private long rtxUnmatched;

    /** What a receiver's remote stream looks like before its SSRC is known. */
    private record StreamTemplate(String mid, String kind, boolean rtcpReducedSize, Map<String, Integer> extensions) {}

    MediaRouting(PeerSession session) {
        this.s = session;
        InterceptorContext context = new InterceptorContext(session.executor(), this::writeRtcp, this::sendRtp, Clock.systemUTC(),
                session.random());
        this.reports = new ReportInterceptor(context, session.pc.settings().rtcpReportInterval(), session.cname);
        this.nackGenerator = new NackGenerator(context, NackSettings.DEFAULTS);
        this.twccReceiver = new TwccReceiver(context);
        // starts where video senders start, low, and probes up as media starts
        this.bandwidth = new BandwidthEstimator(new BandwidthEstimator.Settings(VideoSendPipeline.INITIAL_BITRATE,
                BandwidthEstimator.Settings.DEFAULTS.minBps(), BandwidthEstimator.Settings.DEFAULTS.maxBps()),
                this::allocateBitrate, this::probe, this::wantedBitrate);
        this.nackResponder = new NackResponder(context, NackSettings.DEFAULTS, bandwidth::targetBitrateBps);
        this.pacer = new Pacer(session.executor(), this::sendRtp, bandwidth.targetBitrateBps(),
                nackResponder::sendPadding, bandwidth::onProbeSent);
        // application side first: reports count what senders send; the NACK responder keeps packets
        // as sent; the TWCC sender, nearest the wire, numbers every packet, retransmissions included
        this.chain = new InterceptorChain(List.of(reports, nackGenerator, nackResponder, twccReceiver,
                new AbsSendTime(), new TwccSender(context, bandwidth)));
        this.feedback = new FeedbackWriter(context);
        this.sync = new StreamSynchronizer(session.executor(), receiver -> {
            long ssrc = remoteSsrcOf(receiver);
            return ssrc < 0 ? Optional.empty() : reports.senderClock(ssrc);
        });
    }

    /** Lines up the remote tracks of each remote stream (after a remote description); on the executor. */
    void synchronize(List<RTCRtpReceiver> receivers) {
        sync.update(receivers);
    }

    void frameCaptured(long ssrc, long rtpTimestamp, long captureNanos) {
        reports.onFrameCaptured(ssrc, rtpTimestamp, captureNanos);
    }

    /** Sends a video packet when the pacer lets it go (then as {@link #sendRtp}). */
    void sendPacedRtp(RtpPacket packet) {
        pacer.enqueue(packet);
        bandwidth.onMediaStarted(); // the first time: probes, padded with this media
    }

    /** Sends one RTP packet of a sender through the interceptors and SRTP. */
    void sendRtp(RtpPacket packet) {
        BundleTransport transport = s.transport;
        if (transport == null) {
            return;
        }
        RtpPacket out = chain.onOutgoingRtp(packet, s.executor().nanoTime());
        if (out != null) {
            transport.sendRtp(out.toBytes());
        }
    }

    private void writeRtcp(List<RtcpPacket> packets) {
        BundleTransport transport = s.transport;
        if (transport != null && !packets.isEmpty()) {
            transport.sendRtcp(RtcpCompound.of(packets).toBytes());
        }
    }

    void onRtp(byte[] bytes) {
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(bytes);
        } catch (RtpParseException e) {
            malformedRtp++;
            return;
        }
        RTCRtpReceiver receiver = router.route(packet);
        if (receiver == null) {
            return;
        }
        if (!remoteStreams.containsKey(packet.ssrc())) {
            bindRemote(receiver, packet.ssrc(), packet.payloadType());
        }
        long now = s.executor().nanoTime();
        chain.onIncomingRtp(packet, now);
        CodecCapability codec = receiver.config().receiveCodecs().get(packet.payloadType());
        if (codec != null && codec.isRtx()) {
            RtpPacket original = unwrapRtx(receiver, codec, packet);
            if (original == null) {
                return;
            }
            chain.onIncomingRtp(original, now); // NACK sees its packet arrive
            receiver.onRtp(original);
            return;
        }
        mediaSsrcByReceiver.put(receiver, packet.ssrc());
        receiver.onRtp(packet);
    }

    /**
     * The packet an RTX packet repairs (RFC 4588 §4), as if it came on the media stream the receiver
     * gets; its transport-wide number stays with the RTX packet, which the chain has seen. Null for
     * padding-only RTX (bandwidth probes) and for RTX that matches no media stream (counted).
     */
    private RtpPacket unwrapRtx(RTCRtpReceiver receiver, CodecCapability rtx, RtpPacket packet) {
        Long mediaSsrc = mediaSsrcByReceiver.get(receiver);
        OptionalInt apt = rtx.associatedPayloadType();
        if (mediaSsrc == null || apt.isEmpty()) {
            rtxUnmatched++;
            return null;
        }
        try {
            Optional<RtpPacket> original = RtxPacket.unwrap(packet, mediaSsrc, apt.getAsInt());
            if (original.isEmpty()) {
                return null;
            }
            StreamInfo media = remoteStreams.get(mediaSsrc);
            int transportCc = media == null ? 0 : media.extensionId(TransportCc.EXTENSION_URI);
            return transportCc > 0 ? original.get().withoutExtensionElement(transportCc) : original.get();
        } catch (RtpParseException e) {
            malformedRtp++;
            return null;
        }
    }

    /**
     * Congestion control's target, shared among the video senders (audio takes what it needs: a
     * few tens of kbit/s); on the executor, as feedback arrives.
     */
    private void allocateBitrate(long targetBps) {
        pacer.setTarget(targetBps);
        List<RTCRtpSender> video = sendersBySsrc.values().stream()
                .filter(sender -> MediaStreamTrack.VIDEO.equals(localStreams.get(sender.ssrc()).kind())).toList();
        for (RTCRtpSender sender : video) {
            sender.pipeline().setTargetBitrate((int) Math.min(Integer.MAX_VALUE, targetBps / video.size()));
        }
    }

    private void probe(ProbeRequest request) {
        pacer.probe(request);
    }

    /** What the video senders would send at most now, their caps summed: probing goes no further. */
    private long wantedBitrate() {
        long wanted = 0;
        for (RTCRtpSender sender : sendersBySsrc.values()) {
            wanted += sender.pipeline().wantedBitrate();
        }
        return wanted;
    }

    /** The send-side bandwidth estimate, in bits per second (W3C {@code availableOutgoingBitrate}). */
    long availableOutgoingBitrate() {
        return bandwidth.targetBitrateBps();
    }

    /** Loss recovery's counters of a local stream, if it negotiated NACK. */
    Optional<NackResponder.Counters> retransmissions(long localSsrc) {
        return nackResponder.counters(localSsrc);
    }

    /** NACK requests of a remote stream, if it negotiated NACK. */
    Optional<NackGenerator.Counters> nacks(long remoteSsrc) {
        return nackGenerator.counters(remoteSsrc);
    }



    void onRtcp(byte[] bytes) {
        RtcpCompound compound;
        try {
            compound = RtcpCompound.parse(bytes);
        } catch (RtpParseException e) {
            malformedRtcp++;
            return;
        }
        chain.onIncomingRtcp(compound.packets(), s.executor().nanoTime());
        double rtt = reports.latestRoundTripTime();
        if (!Double.isNaN(rtt)) {
            bandwidth.onRoundTripTime(Math.round(rtt * 1e6));
            nackGenerator.onRoundTripTime(Math.round(rtt * 1e9));
            nackResponder.onRoundTripTime(Math.round(rtt * 1e9));
        }
        for (RtcpPacket packet : compound.packets()) {
            if (packet instanceof PictureLossIndication pli) {
                keyFrameAskedFor(pli.mediaSsrc(), true);
            } else if (packet instanceof FullIntraRequest fir) {
                fir.entries().forEach(entry -> keyFrameAskedFor(entry.ssrc(), false));
            } else if (packet instanceof Remb remb && remb.ssrcs().stream().anyMatch(sendersBySsrc::containsKey)) {
                bandwidth.onReceiverEstimate(remb.bitrateBps());
            }
        }
    }

    /** RFC 4585 §6.3.1 PLI, RFC 5104 §3.5.1 FIR: the peer lost our picture; the sender makes a key frame. */
    private void keyFrameAskedFor(long ssrc, boolean byPli) {
        RTCRtpSender sender = sendersBySsrc.get(ssrc);
        if (sender != null) {
            sender.pipeline().requestKeyFrame();
            keyFrameRequests.merge(ssrc, byPli ? new KeyFrameRequests(1, 0) : new KeyFrameRequests(0, 1),
                    KeyFrameRequests::plus);
        }
    }

    /** PLIs and FIRs a local stream received (W3C outbound-rtp pliCount, firCount). */
    record KeyFrameRequests(long pli, long fir) {
        static final KeyFrameRequests NONE = new KeyFrameRequests(0, 0);

        KeyFrameRequests plus(KeyFrameRequests other) {
            return new KeyFrameRequests(pli + other.pli, fir + other.fir);
        }
    }

    /** Key-frame requests the local stream {@code ssrc} received so far; any thread. */
    KeyFrameRequests keyFrameRequests(long ssrc) {
        return keyFrameRequests.getOrDefault(ssrc, KeyFrameRequests.NONE);
    }

    /**
     * Sends a PLI for the remote stream {@code mediaSsrc} (RFC 4585 §6.3.1), behind an empty
     * receiver report where reduced-size RTCP was not negotiated.
     */
    void sendPictureLossIndication(long mediaSsrc) {
        StreamInfo remote = remoteStreams.get(mediaSsrc);
        feedback.write(new PictureLossIndication(feedback.senderSsrc(), mediaSsrc),
                remote == null || remote.rtcpReducedSize());
    }

    /** Applies a completed offer/answer exchange to senders, receivers and routes. */
    void configure(NegotiatedSession agreed) {
        int midExtension = 0;
        for (NegotiatedMedia m : agreed.media()) {
            if (!m.rejected()) {
                midExtension = midExtensionId(m.headerExtensions());
                if (midExtension > 0) {
                    break;
                }
            }
        }
        router.reset(midExtension);
        for (NegotiatedMedia m : agreed.media()) {
            RTCRtpTransceiver t = m.mid().map(s::transceiverByMid).orElse(null);
            if (t == null || m.kind().map(k -> k == MediaKind.APPLICATION).orElse(true)) {
                continue;
            }
            String mid = m.mid().get();
            String kind = m.kind().get().sdpName();
            RTCRtpSender sender = t.sender();
            RTCRtpReceiver receiver = t.receiver();
            if (m.rejected() || t.isStopping()) {
                sender.pipeline().configure(SendConfig.NONE);
                receiver.configure(RTCRtpReceiver.ReceiveConfig.NONE);
                unbindLocal(sender.ssrc());
                continue;
            }
            boolean sends = m.direction().sends();
            Map<String, Integer> extensions = StreamDescriptions.extensions(m.headerExtensions());
            sender.pipeline().configure(new SendConfig(sends, mid, m.sendCodecs(), midExtensionId(m.headerExtensions()),
                    extensions));
            if (sends && !m.sendCodecs().isEmpty()) {
                bindLocal(sender, m);
            } else {
                unbindLocal(sender.ssrc());
            }
            Map<Integer, CodecCapability> receiveCodecs = m.direction().receives() ? m.receiveCodecs() : Map.of();
            receiver.configure(new RTCRtpReceiver.ReceiveConfig(receiveCodecs, extensions));
            receiveTemplates.put(receiver, new StreamTemplate(mid, kind, m.remoteRtcpReducedSize(), extensions));
            router.bindMid(mid, receiver);
            for (Integer pt : receiveCodecs.keySet()) {
                router.bindPayloadType(pt, receiver);
            }
            for (RemoteSender remote : m.remoteSenders()) {
                remote.ssrc().ifPresent(ssrc -> router.bindSsrc(ssrc, receiver));
            }
        }
    }

    private static int midExtensionId(List<ExtMap> extensions) {
        for (ExtMap e : extensions) {
            if (e.uri().equals(MediaEngine.MID_EXTENSION)) {
                return e.id();
            }
        }
        return 0;
    }

    private void bindLocal(RTCRtpSender sender, NegotiatedMedia m) {
        CodecCapability codec = m.preferredSendCodec().orElse(m.sendCodecs().get(0));
        StreamInfo info = StreamDescriptions.local(sender, codec, m, s.cname);
        StreamInfo previous = localStreams.put(sender.ssrc(), info);
        sendersBySsrc.put(sender.ssrc(), sender);
        if (!info.equals(previous)) {
            if (previous != null) {
                chain.unbindLocalStream(previous);
                feedback.unbindLocalStream(previous);
            }
            chain.bindLocalStream(info);
            feedback.bindLocalStream(info);
        }
    }

    private void unbindLocal(long ssrc) {
        StreamInfo previous = localStreams.remove(ssrc);
        sendersBySsrc.remove(ssrc);
        if (previous != null) {
            chain.unbindLocalStream(previous);
            feedback.unbindLocalStream(previous);
        }
    }

    private void bindRemote(RTCRtpReceiver receiver, long ssrc, int payloadType) {
        StreamTemplate template = receiveTemplates.get(receiver);
        CodecCapability codec = receiver.config().receiveCodecs().get(payloadType);
        if (template == null || codec == null) {
            return;
        }
        StreamInfo info = StreamDescriptions.remote(ssrc, codec, template.mid(), template.kind(),
                template.rtcpReducedSize(), template.extensions());
        remoteStreams.put(ssrc, info);
        chain.bindRemoteStream(info);
    }

    /** The RTP figures for getStats. */
    CompletableFuture<RtpStatsSnapshot> rtpStats() {
        return reports.stats();
    }

    /** The remote SSRC a receiver gets, or -1. */
    long remoteSsrcOf(RTCRtpReceiver receiver) {
        Long media = mediaSsrcByReceiver.get(receiver);
        return media != null ? media : router.ssrcOf(receiver);
    }

    long unroutableRtp() {
        return router.unroutable();
    }

    long malformedRtp() {
        return malformedRtp;
    }

    long malformedRtcp() {
        return malformedRtcp;
    }

    void close() {
        sync.close();
        pacer.close();
        chain.close();
    }
}
