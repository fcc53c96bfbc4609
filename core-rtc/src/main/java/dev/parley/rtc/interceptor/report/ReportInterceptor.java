package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.Interceptor;
import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.InterceptorFactory;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.media.SenderClock;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SenderReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * RTCP sender and receiver reports (RFC 3550 §6.4) as an interceptor: counts the RTP of bound
 * local streams as it leaves and of bound remote streams as it arrives, takes the peer's SR and
 * RR, and every reporting interval ({@link ReportInterval}) writes one compound packet
 * ({@link ReportComposer}): an SR per local stream that sent in the last two intervals, else an
 * RR, with a report block per remote stream, and SDES CNAME. What it counts is also what the W3C
 * RTP stats report ({@link #stats()}).
 *
 * <pre>
 *   no timer ──first RTP packet (either way)──▶ first report after base/2 × [0.5, 1.5)
 *                                                   │
 *        every base × [0.5, 1.5) while a stream is bound ◀─┘  (none bound: back to no timer)
 * </pre>
 *
 * <p><b>Threading:</b> every method but {@link #stats()} runs on the peer connection's executor,
 * as all interceptor calls do, so the state has no locks. {@link #stats()} may be called from any
 * thread: it computes the snapshot on the executor.
 */
public final class ReportInterceptor implements Interceptor {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** For congestion control, which needs one RTT for the connection: the freshest of any stream. */
    private double latestRoundTripTime = Double.NaN;

    private final InterceptorContext context;
    private final SerialExecutor executor;
    private final NtpClock ntpClock;
    private final ReportInterval interval;
    private final String cname;
    private final long receiveOnlySsrc;
    private final Map<Long, LocalStream> locals = new LinkedHashMap<>();
    private final Map<Long, RemoteStream> remotes = new LinkedHashMap<>();
    private SerialExecutor.Cancellable timer;
    /** RFC 3550 §6.3 "we_sent": a local stream reports with an SR if it sent since the report before the last. */
    private long previousReportNanos = Long.MIN_VALUE;
    private long secondPreviousReportNanos = Long.MIN_VALUE;
    private long rtpFromUnboundSsrc;
    private long senderReportsFromUnboundSsrc;
    private boolean closed;
    private volatile RtpStatsSnapshot finalSnapshot;

    /**
     * @param baseInterval the mean time between reports ({@link #DEFAULT_INTERVAL})
     * @param cname        our CNAME (RFC 7022), for SDES of the reporting SSRC when no local stream
     *                     is bound or a bound one has none
     */
    public ReportInterceptor(InterceptorContext context, Duration baseInterval, String cname) {
        this.context = Objects.requireNonNull(context, "context");
        this.executor = context.executor();
        this.interval = new ReportInterval(baseInterval, context.random());
        this.cname = Objects.requireNonNull(cname, "cname");
        if (cname.isEmpty() || cname.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("a CNAME is 1..255 bytes of UTF-8 (RFC 3550 §6.5), got \"" + cname + "\"");
        }
        this.ntpClock = new NtpClock(executor.nanoTime(), context.wallClock().instant());
        this.receiveOnlySsrc = context.random().nextLong() & 0xFFFF_FFFFL;
    }

    /** Makes a report interceptor per peer connection. */
    public static InterceptorFactory factory(Duration baseInterval, String cname) {
        return context -> new ReportInterceptor(context, baseInterval, cname);
    }

    /**
     * Starts counting a local stream. Binding an SSRC again (renegotiation) keeps its counts if the
     * clock rate is the same; with another clock rate the old timing means nothing, so it starts afresh.
     */
    @Override
    public void bindLocalStream(StreamInfo stream) {
        if (closed) {
            return;
        }
        LocalStream known = locals.get(stream.ssrc());
        if (known != null && known.info.clockRate() == stream.clockRate()) {
            known.info = stream; // renegotiated: keep counting
        } else {
            locals.put(stream.ssrc(), new LocalStream(stream));
        }
    }

    @Override
    public void unbindLocalStream(StreamInfo stream) {
        locals.remove(stream.ssrc());
    }

    /** Starts counting a remote stream; binding it again behaves as {@link #bindLocalStream} does. */
    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (closed) {
            return;
        }
        RemoteStream known = remotes.get(stream.ssrc());
        if (known != null && known.info.clockRate() == stream.clockRate()) {
            known.info = stream;
        } else {
            remotes.put(stream.ssrc(), new RemoteStream(stream));
        }
    }

    @Override
    public void unbindRemoteStream(StreamInfo stream) {
        remotes.remove(stream.ssrc());
    }

    /** A local stream's frame of RTP timestamp {@code rtpTimestamp} was captured at {@code captureNanos}; on the executor. */
    public void onFrameCaptured(long ssrc, long rtpTimestamp, long captureNanos) {
        LocalStream local = locals.get(ssrc);
        if (local != null) {
            local.sent.onFrameCaptured(rtpTimestamp, captureNanos);
        }
    }

    @Override
    public RtpPacket onOutgoingRtp(RtpPacket packet, long nowNanos) {
        LocalStream local = locals.get(packet.ssrc());
        if (local != null && !closed) {
            local.sent.onPacketSent(packet, nowNanos);
            startReporting();
        }
        return packet;
    }

    @Override
    public void onIncomingRtp(RtpPacket packet, long nowNanos) {
        if (closed) {
            return;
        }
        RemoteStream remote = remotes.get(packet.ssrc());
        if (remote == null) {
            rtpFromUnboundSsrc++;
            return;
        }
        remote.received.onRtp(packet, nowNanos);
        startReporting();
    }

    @Override
    public void onIncomingRtcp(List<RtcpPacket> packets, long nowNanos) {
        if (closed) {
            return;
        }
        for (RtcpPacket packet : packets) {
            if (packet instanceof SenderReport sr) {
                RemoteStream remote = remotes.get(sr.ssrc());
                if (remote != null) {
                    remote.received.onSenderReport(sr, nowNanos);
                } else {
                    senderReportsFromUnboundSsrc++;
                }
                takeBlocks(sr.reports(), nowNanos);
            } else if (packet instanceof ReceiverReport rr) {
                takeBlocks(rr.reports(), nowNanos);
            }
        }
    }

    /** Blocks about our SSRCs feed their remote-inbound stats; blocks about others are not ours to judge. */
    private void takeBlocks(List<ReportBlock> blocks, long nowNanos) {
        for (ReportBlock block : blocks) {
            LocalStream local = locals.get(block.ssrc());
            if (local != null) {
                long measured = local.reports.roundTripTimeMeasurements();
                local.reports.onReportBlock(block, ntpClock.middle32(nowNanos));
                if (local.reports.roundTripTimeMeasurements() > measured) {
                    latestRoundTripTime = local.reports.roundTripTime();
                }
            }
        }
    }

    private void startReporting() {
        if (timer == null) {
            timer = executor.schedule(this::report, interval.firstDelayNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void report() {
        if (closed) {
            return;
        }
        if (locals.isEmpty() && remotes.isEmpty()) {
            timer = null; // nothing to report on; the next packet starts again
            return;
        }
        long now = executor.nanoTime();
        List<RtcpPacket> packets = ReportComposer.compose(new ArrayList<>(locals.values()),
                new ArrayList<>(remotes.values()), now, ntpClock, secondPreviousReportNanos, receiveOnlySsrc, cname);
        secondPreviousReportNanos = previousReportNanos;
        previousReportNanos = now;
        timer = executor.schedule(this::report, interval.nextDelayNanos(), TimeUnit.NANOSECONDS);
        context.rtcpWriter().write(packets);
    }

    /**
     * The clock of the peer's sender behind a remote SSRC, from its sender reports (for A/V
     * sync); empty for an SSRC not bound. Executor only.
     */
    public Optional<SenderClock> senderClock(long remoteSsrc) {
        RemoteStream remote = remotes.get(remoteSsrc);
        return remote == null ? Optional.empty() : Optional.of(remote.received.senderClock());
    }

    /** The round-trip time the latest report block measured, in seconds; NaN before the first. Executor only. */
    public double latestRoundTripTime() {
        return latestRoundTripTime;
    }

    /**
     * The figures now, for W3C getStats. Completes at once when called on the executor or after
     * {@link #close()} (with the figures at closing); otherwise once the executor ran the request.
     */
    public CompletableFuture<RtpStatsSnapshot> stats() {
        RtpStatsSnapshot last = finalSnapshot;
        if (last != null) {
            return CompletableFuture.completedFuture(last);
        }
        if (executor.inExecutor()) {
            return CompletableFuture.completedFuture(snapshot());
        }
        CompletableFuture<RtpStatsSnapshot> future = new CompletableFuture<>();
        executor.execute(() -> {
            RtpStatsSnapshot closing = finalSnapshot;
            future.complete(closing != null ? closing : snapshot());
        });
        return future;
    }

    private RtpStatsSnapshot snapshot() {
        long now = executor.nanoTime();
        Map<Long, OutboundStreamStats> outbound = new HashMap<>();
        Map<Long, RemoteInboundStats> remoteInbound = new HashMap<>();
        for (LocalStream local : locals.values()) {
            if (local.sent.hasSent()) {
                outbound.put(local.ssrc(), OutboundStreamStats.of(local.info, local.sent, ntpClock));
            }
            if (local.reports.reportsReceived() > 0) {
                remoteInbound.put(local.ssrc(), RemoteInboundStats.of(local.info, local.reports));
            }
        }
        Map<Long, InboundStreamStats> inbound = new HashMap<>();
        Map<Long, RemoteOutboundStats> remoteOutbound = new HashMap<>();
        for (RemoteStream remote : remotes.values()) {
            if (remote.received.packetsReceived() > 0) {
                inbound.put(remote.info.ssrc(), InboundStreamStats.of(remote.info, remote.received, ntpClock));
            }
            SenderReport sr = remote.received.lastSenderReport();
            if (sr != null) {
                remoteOutbound.put(remote.info.ssrc(),
                        RemoteOutboundStats.of(remote.info, sr, remote.received.senderReportsReceived()));
            }
        }
        return new RtpStatsSnapshot(ntpClock.wallClockTime(now), outbound, inbound, remoteInbound, remoteOutbound,
                rtpFromUnboundSsrc, senderReportsFromUnboundSsrc);
    }

    /** Stops reporting; {@link #stats()} keeps answering with the figures as they were now. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        finalSnapshot = snapshot();
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
