package dev.parley.rtc;

import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.media.ToneDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Peer connections on 127.0.0.1 sharing one {@link RealNet}, with the signalling done by the test
 * itself, step by step (no trickle: each side waits until its description carries all its
 * candidates), so a test can look at or change what travels between the two. {@link PeerPair}
 * is the automatic alternative. Closing closes every peer connection, tone and the net.
 */
final class Loopback implements AutoCloseable {
    /** Generous: the machine is shared and loaded. */
    static final long SECONDS = 20;
    /** A short RTCP interval, so that stats from receiver reports appear within a test. */
    static final Duration RTCP_INTERVAL = Duration.ofMillis(200);

    final RealNet net = new RealNet();
    private final List<AutoCloseable> resources = new ArrayList<>();

    EngineSettings settings() {
        return EngineSettings.builder().net(net).ice(IceSettings.DEFAULTS.loopbackOnly())
                .rtcpReportInterval(RTCP_INTERVAL).build();
    }

    RTCPeerConnection pc() {
        return pc(RTCConfiguration.defaults());
    }

    RTCPeerConnection pc(RTCConfiguration configuration) {
        RTCPeerConnection pc = new RTCPeerConnection(configuration, settings());
        resources.add(pc);
        return pc;
    }

    /** A track playing a sine tone at {@code hz}, paced in real time, half of full scale. */
    MediaStreamTrack tone(int hz) {
        return tone(hz, 0.5);
    }

    /** A track playing a sine tone at {@code hz} with the given peak (0..1 of full scale; 0 is silence). */
    MediaStreamTrack tone(int hz, double amplitude) {
        AudioTrackSource source = new AudioTrackSource();
        PacedAudioSource paced = new PacedAudioSource(new ToneGenerator(hz, amplitude, 48_000, 1), source).start();
        resources.add(paced);
        resources.add(source::close);
        return source.createTrack(hz + " Hz tone");
    }

    /** One offer/answer exchange; both sides end stable. */
    static void negotiate(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        negotiate(offerer, answerer, UnaryOperator.identity());
    }

    /** One offer/answer exchange, the answer's SDP passed through {@code answerEdit} on its way. */
    static void negotiate(RTCPeerConnection offerer, RTCPeerConnection answerer, UnaryOperator<String> answerEdit)
            throws Exception {
        offerer.setLocalDescription().get(SECONDS, TimeUnit.SECONDS);
        answerer.setRemoteDescription(withAllCandidates(offerer)).get(SECONDS, TimeUnit.SECONDS);
        answerer.setLocalDescription().get(SECONDS, TimeUnit.SECONDS);
        RTCSessionDescription answer = withAllCandidates(answerer);
        offerer.setRemoteDescription(new RTCSessionDescription(answer.type(), answerEdit.apply(answer.sdp())))
                .get(SECONDS, TimeUnit.SECONDS);
    }

    /** The local description once it carries {@code a=end-of-candidates}. */
    static RTCSessionDescription withAllCandidates(RTCPeerConnection pc) throws InterruptedException {
        await(() -> pc.localDescription().sdp().contains("a=end-of-candidates"), "gathering completes");
        return pc.localDescription();
    }

    /**
     * Waits for a condition that an event elsewhere makes true, checking every 20 ms until the
     * deadline; fails the test if it never holds.
     */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the receiver lists {@code ssrc} with an audio level, and returns that entry. */
    static RTCRtpSynchronizationSource awaitLeveledSource(RTCRtpReceiver receiver, long ssrc)
            throws InterruptedException {
        await(() -> receiver.getSynchronizationSources().stream()
                .anyMatch(s -> s.source() == ssrc && s.audioLevel().isPresent()), "SSRC " + ssrc + " is listed with a level");
        return receiver.getSynchronizationSources().stream().filter(s -> s.source() == ssrc).findFirst().orElseThrow();
    }

    /**
     * Collects {@code frames} frames of 10 ms of the track's audio (at most 20 s) and analyses them
     * at the rate they arrive in (8 kHz for G.711, 48 kHz for Opus), keeping the detector's last
     * 8192 samples.
     */
    static ToneDetector listen(MediaStreamTrack track, int frames) throws Exception {
        AtomicReference<ToneDetector> detector = new AtomicReference<>();
        CountDownLatch remaining = new CountDownLatch(frames);
        try (AutoCloseable sink = track.addAudioSink(frame -> {
            if (remaining.getCount() > 0) {
                detector.compareAndSet(null, new ToneDetector(frame.sampleRate()));
                detector.get().add(frame);
                remaining.countDown();
            }
        })) {
            if (!remaining.await(SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the track delivered " + (frames - remaining.getCount()) + " of " + frames
                        + " frames");
            }
        }
        return detector.get();
    }

    @Override
    public void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        net.close();
    }
}
