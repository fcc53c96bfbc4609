package dev.parley.rtc.bench;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.RTCTrackEvent;
import dev.parley.rtc.VideoSink;
import dev.parley.rtc.VideoTrackSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.net.RealNet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The video benchmarks' Parley↔Parley call: a paced {@link TestPattern} camera at 30 fps on one
 * peer connection, sent one way to another in the same JVM over UDP on 127.0.0.1 (VP8, the
 * default media engine's video codec). {@link #connect} negotiates with trickled candidates and
 * records the timeline on {@link System#nanoTime}; the caller's sink is attached to the remote
 * track inside the track event, before any frame can arrive, so it sees the very first one.
 */
final class ParleyVideoCall implements AutoCloseable {
    private final RealNet net = new RealNet();
    private final VideoTrackSource source = new VideoTrackSource();
    private final PacedVideoSource camera;
    final RTCPeerConnection sender;
    final RTCPeerConnection receiver;
    /** nanoTime just before {@code createOffer}. */
    long offerAt;
    final CompletableFuture<Long> trackAt = new CompletableFuture<>();
    final CompletableFuture<Long> connectedAt = new CompletableFuture<>();

    /** Starts the camera at once: frames flow into the track before and during negotiation, as a live camera's do. */
    ParleyVideoCall(int width, int height) {
        EngineSettings settings = EngineSettings.builder().net(net)
                .ice(dev.parley.rtc.ice.IceSettings.DEFAULTS.loopbackOnly()).build();
        sender = new RTCPeerConnection(RTCConfiguration.defaults(), settings);
        receiver = new RTCPeerConnection(RTCConfiguration.defaults(), settings);
        camera = new PacedVideoSource(new TestPattern(width, height), 30, source).start();
        sender.addTrack(source.createTrack("test pattern"), new MediaStream());
    }

    /** Offers, answers and returns; {@code sink} (may be null) gets every decoded frame of the remote track. */
    ParleyVideoCall connect(VideoSink sink) throws Exception {
        receiver.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onTrack(RTCTrackEvent event) {
                if (event.track().kind().equals(MediaStreamTrack.VIDEO) && !trackAt.isDone()) {
                    trackAt.complete(System.nanoTime());
                    if (sink != null) {
                        event.track().addVideoSink(sink);
                    }
                }
            }

            @Override
            public void onConnectionStateChange(RTCPeerConnectionState state) {
                if (state == RTCPeerConnectionState.CONNECTED) {
                    connectedAt.complete(System.nanoTime());
                } else if (state == RTCPeerConnectionState.FAILED) {
                    connectedAt.completeExceptionally(new IllegalStateException("the call failed"));
                }
            }
        });
        offerAt = BenchPeers.negotiate(sender, receiver);
        return this;
    }

    /** Milliseconds from the offer to {@code event}'s nanoTime. */
    double msSinceOffer(long nanoTime) {
        return (nanoTime - offerAt) / 1e6;
    }

    long awaitConnected() throws Exception {
        return connectedAt.get(20, TimeUnit.SECONDS);
    }

    /** The sender's and the receiver's video stats now. */
    VideoSample sample() throws Exception {
        return VideoSample.of(sender.getStats().get(5, TimeUnit.SECONDS), receiver.getStats().get(5, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        camera.close();
        sender.close();
        receiver.close();
        source.close();
        net.close();
    }
}
