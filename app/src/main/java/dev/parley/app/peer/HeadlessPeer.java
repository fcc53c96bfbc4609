package dev.parley.app.peer;

import dev.parley.app.call.ChatChannel;
import dev.parley.app.call.PeerCall;
import dev.parley.app.call.ServerCallSignals;
import dev.parley.app.signaling.client.ActiveCall;
import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.client.SignalingListener;
import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.media.FileCameraFrames;
import dev.parley.media.MediaDeviceException;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCDataChannelMessage;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.RTCTrackEvent;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoTrackSource;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneGenerator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full Parley endpoint without a UI, for tests, bots and benchmarks: registers with a signaling
 * server, calls or answers, sends a tone (or a WAV file) as its microphone, a moving
 * {@link TestPattern} (or a video file, through media-capture's file camera) as its camera (same
 * {@link MediaStream}) and chat over a data channel, and records and counts what it
 * receives ({@code <callId>-audio.wav}, {@code <callId>-video.y4m}). Media is the real
 * {@code RTCPeerConnection} of core-rtc with its default codecs (Opus, VP8/H.264).
 */
public final class HeadlessPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessPeer.class);
    static final String CHAT_LABEL = ChatChannel.LABEL;

    /** What the peer reports to whoever embeds it. Called on engine or signaling threads; do not block. */
    public interface Listener {
        default void onCallConnected(String callId) {}

        default void onRemoteAudio(AudioFrame frame) {}

        /** A decoded picture of the other party's camera, on the decoding thread. */
        default void onRemoteVideo(VideoFrame frame) {}

        default void onChatMessage(String text) {}

        default void onCallEnded(String callId, CallEndReason reason) {}

        /** Signaling came back after a lost connection and the server gave the call back. */
        default void onSignalingResumed(String callId) {}
    }

    private final PeerOptions options;
    private final EngineSettings engine;
    private final Listener listener;
    private final SignalingClient signaling;
    private final AudioTrackSource microphone = new AudioTrackSource();
    /** The microphone: a tone or a file, paced at 10 ms frames. */
    private final PacedAudioSource tone;
    private final MediaStreamTrack micTrack;
    private final VideoTrackSource camera = new VideoTrackSource();
    /** The camera's pacing thread, or null with {@code --camera none}. */
    private final PacedVideoSource cameraPacer;
    /** The file camera's decoder, or null unless the camera plays a file. */
    private final FileCameraFrames cameraFile;
    private final MediaStreamTrack cameraTrack;
    private final PeerStats stats;
    private final AtomicLong audioFramesReceived = new AtomicLong();
    private final AtomicLong chatMessagesReceived = new AtomicLong();
    private final AtomicLong videoFramesReceived = new AtomicLong();
    private volatile List<IceServer> iceServers = List.of();
    private volatile PeerCall call;
    private volatile WavWriter recorder;
    private volatile Y4mRecorder videoRecorder;

    /**
     * @throws IOException if the microphone file cannot be read
     * @throws MediaDeviceException if the camera file is missing ({@code NotFoundError}) or FFmpeg
     *     cannot read it ({@code NotReadableError}, {@code AbortError}); the message names the file
     */
    public HeadlessPeer(PeerOptions options, SignalingClientRuntime runtime, EngineSettings engine, Listener listener)
            throws IOException {
        this.options = options;
        this.engine = engine;
        this.listener = listener;
        if (options.micFile() != null) {
            WavFileSource file = new WavFileSource(options.micFile());
            this.tone = new PacedAudioSource(file::nextFrame, microphone, "parley-peer-mic-file");
            this.micTrack = microphone.createTrack(options.micFile().getFileName().toString());
        } else {
            this.tone = new PacedAudioSource(new ToneGenerator(options.toneHz(), 0.5, 48_000, 1), microphone);
            this.micTrack = microphone.createTrack(options.toneHz() + " Hz tone");
        }
        SyntheticCamera spec = options.camera();
        // After the microphone file (plain Java memory) and before anything else: a file that
        // fails leaves no native decoder and no connection behind.
        this.cameraFile = spec != null && options.cameraFile() != null
                ? FileCameraFrames.open(options.cameraFile(), spec.width(), spec.height()) : null;
        this.signaling = new SignalingClient(SignalingClientConfig.of(options.server(), options.name(), null), runtime,
                new Signals());
        if (cameraFile != null) {
            this.cameraPacer = new PacedVideoSource(cameraFile::nextFrame, spec.framesPerSecond(), camera,
                    "parley-peer-camera-file");
            this.cameraTrack = camera.createTrack(cameraFile.label() + " " + spec.width() + "x" + spec.height());
        } else if (spec != null) {
            this.cameraPacer = new PacedVideoSource(new TestPattern(spec.width(), spec.height()),
                    spec.framesPerSecond(), camera);
            this.cameraTrack = camera.createTrack("test pattern " + spec.width() + "x" + spec.height());
        } else {
            this.cameraPacer = null;
            this.cameraTrack = null;
        }
        this.stats = new PeerStats(options, () -> call, new PeerStats.Counters(audioFramesReceived,
                videoFramesReceived, chatMessagesReceived, () -> {
                    Y4mRecorder r = videoRecorder;
                    return r == null ? 0 : r.framesDropped();
                }));
    }

    /** Starts the microphone, registers and, if asked to, calls; completes once registered. */
    public CompletableFuture<Void> start() {
        tone.start();
        if (cameraPacer != null) {
            cameraPacer.start();
        }
        stats.start();
        return signaling.connect().thenAccept(registered -> {
            iceServers = registered.iceServers();
            if (options.call() != null) {
                signaling.invite(options.call()).whenComplete((callId, failure) -> {
                    if (failure != null) {
                        LOG.warn("{}: calling {} failed: {}", options.name(), options.call(), failure.toString());
                    }
                });
            }
        });
    }

    /** The signaling client, for those who want its state (tests). */
    public SignalingClient signaling() {
        return signaling;
    }

    /** Hangs up the current call, if any. */
    public CompletableFuture<Void> hangup() {
        ActiveCall active = signaling.currentCall();
        if (active == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = active.phase() == ActiveCall.Phase.ACCEPTED ? signaling.hangup(active.callId())
                : active.role() == ActiveCall.Role.CALLER ? signaling.cancel(active.callId())
                : signaling.decline(active.callId(), "hung up");
        return done.whenComplete((ok, failure) -> endCall(active.callId()));
    }

    private final class Signals implements SignalingListener {
        @Override
        public void onIncomingCall(String callId, String from) {
            LOG.info("{}: call {} from {}", options.name(), callId, from);
            signaling.ringing(callId);
            if (options.autoAnswer()) {
                signaling.accept(callId);
            }
        }

        @Override
        public void onAccepted(String callId) {
            ActiveCall active = signaling.currentCall();
            boolean polite = active != null && active.role() == ActiveCall.Role.CALLEE;
            startMedia(callId, polite);
        }

        @Override
        public void onDescription(String callId, String sdpType, String sdp) {
            PeerCall current = call;
            if (current != null && current.callId().equals(callId)) {
                current.remoteDescription(sdpType, sdp);
            }
        }

        @Override
        public void onCandidate(ServerMessage.Candidate candidate) {
            PeerCall current = call;
            if (current != null && current.callId().equals(candidate.callId())) {
                current.remoteCandidate(candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex(),
                        candidate.usernameFragment());
            }
        }

        @Override
        public void onCallEnded(String callId, CallEndReason reason, String detail) {
            LOG.info("{}: call {} ended: {}", options.name(), callId, reason);
            endCall(callId);
            listener.onCallEnded(callId, reason);
        }

        @Override
        public void onResumed(String callId, String peer) {
            LOG.info("{}: signaling resumed for call {}; media never stopped", options.name(), callId);
            listener.onSignalingResumed(callId);
        }
    }

    private synchronized void startMedia(String callId, boolean polite) {
        if (call != null) {
            return;
        }
        PeerCall created = new PeerCall(callId, polite, new ServerCallSignals(signaling, callId),
                ServerCallSignals.configuration(iceServers), engine, new PeerCall.Listener() {
            @Override
            public void onConnectionState(RTCPeerConnectionState state) {
                if (state == RTCPeerConnectionState.CONNECTED) {
                    listener.onCallConnected(callId);
                }
            }

            @Override
            public void onTrack(RTCTrackEvent event) {
                if (MediaStreamTrack.AUDIO.equals(event.track().kind())) {
                    receiveAudio(callId, event.track());
                } else if (MediaStreamTrack.VIDEO.equals(event.track().kind())) {
                    receiveVideo(callId, event.track());
                }
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                chat(channel);
            }
        });
        call = created;
        MediaStream stream = new MediaStream();   // one stream: the other side may sync audio and video
        created.peerConnection().addTrack(micTrack, stream);
        if (cameraTrack != null) {
            created.peerConnection().addTrack(cameraTrack, stream);
        }
        if (!polite) {
            chat(created.peerConnection().createDataChannel(CHAT_LABEL));
        }
    }

    private void receiveAudio(String callId, MediaStreamTrack track) {
        if (options.recordDir() != null && recorder == null) {
            recorder = new WavWriter(options.recordDir().resolve(callId + "-audio.wav"));
        }
        WavWriter writer = recorder;
        track.addAudioSink(frame -> {
            audioFramesReceived.incrementAndGet();
            if (writer != null) {
                writer.onFrame(frame);
            }
            listener.onRemoteAudio(frame);
        });
    }

    private synchronized void receiveVideo(String callId, MediaStreamTrack track) {
        if (options.recordDir() != null && videoRecorder == null) {
            videoRecorder = new Y4mRecorder(options.recordDir(), callId + "-video");
        }
        Y4mRecorder writer = videoRecorder;
        track.addVideoSink(frame -> {
            videoFramesReceived.incrementAndGet();
            if (writer != null) {
                writer.onFrame(frame);
            }
            listener.onRemoteVideo(frame);
        });
    }

    private void chat(RTCDataChannel channel) {
        java.util.concurrent.atomic.AtomicBoolean greeted = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable greet = () -> {
            if (greeted.compareAndSet(false, true)) {
                channel.send("hello from " + options.name());
            }
        };
        channel.addListener(new RTCDataChannelListener() {
            @Override
            public void onOpen() {
                greet.run();
            }

            @Override
            public void onMessage(RTCDataChannelMessage message) {
                if (!message.isBinary()) {
                    chatMessagesReceived.incrementAndGet();
                    LOG.info("{}: chat: {} characters", options.name(), message.text().length());
                    listener.onChatMessage(message.text());
                }
            }
        });
        if (channel.readyState() == dev.parley.rtc.RTCDataChannelState.OPEN) {
            greet.run();   // announced channels arrive open; greet once whichever comes first
        }
    }

    private synchronized void endCall(String callId) {
        PeerCall current = call;
        if (current != null && current.callId().equals(callId)) {
            call = null;
            current.close();
        }
        WavWriter writer = recorder;
        recorder = null;
        if (writer != null) {
            writer.close();
        }
        Y4mRecorder video = videoRecorder;
        videoRecorder = null;
        if (video != null) {
            video.close();
        }
    }

    @Override
    public void close() {
        PeerCall current = call;
        if (current != null) {
            endCall(current.callId());
        }
        signaling.close();
        stats.close();
        tone.close();
        if (cameraPacer != null) {
            cameraPacer.close();
        }
        if (cameraFile != null) {
            cameraFile.close();
        }
        microphone.close();
        camera.close();
    }
}
