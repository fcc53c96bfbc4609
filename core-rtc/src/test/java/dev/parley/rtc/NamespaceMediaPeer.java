package dev.parley.rtc;

import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.testutil.FrameTimeline;
import dev.parley.rtc.testutil.JvmInNamespace;
import dev.parley.rtc.testutil.Json;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The far Parley of a call across an impaired link: runs in its own JVM inside a test namespace
 * ({@link JvmInNamespace}), answers one offer with a 1280x720 test pattern and a tone (VP8 and
 * Opus), and times the video it receives. Commands:
 *
 * <pre>
 *   answer &lt;ip&gt; &lt;offer SDP, base64&gt;  →  &lt;answer SDP with its candidates, base64&gt;
 *   window                           →  restarts the timeline of received frames: "ok"
 *   frames                           →  "&lt;fps&gt; &lt;frozen fraction (gaps over 200 ms)&gt; &lt;longest gap ms&gt; [&lt;gaps over 200 ms&gt;,…]"
 *   stats &lt;type&gt;                     →  the video stats object of that type, as JSON
 * </pre>
 */
public final class NamespaceMediaPeer {
    static final MediaEngine VP8_AND_OPUS = new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
            .withPreference(MediaKind.AUDIO, List.of("opus")).withPreference(MediaKind.VIDEO, List.of("VP8")),
            MediaEngine.defaultExtensions());

    private final RealNet net = new RealNet();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private RTCPeerConnection pc;
    private volatile FrameTimeline received = new FrameTimeline();

    public static void main(String[] args) throws Exception {
        NamespaceMediaPeer peer = new NamespaceMediaPeer();
        try {
            JvmInNamespace.serve(words -> {
                try {
                    return peer.handle(words);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            peer.close();
        }
        System.exit(0);
    }

    private String handle(String[] words) throws Exception {
        return switch (words[0]) {
            case "answer" -> answer(words[1], new String(Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8));
            case "window" -> {
                received = new FrameTimeline();
                yield "ok";
            }
            case "frames" -> {
                FrameTimeline t = received;
                yield t.framesPerSecond() + " " + t.frozenFraction(200) + " " + t.longestGapMillis() + " "
                        + t.gapsOverMillis(200).toString().replace(" ", "");
            }
            case "stats" -> Json.write(videoStats(pc, words[1]));
            default -> throw new IllegalArgumentException("unknown command: " + String.join(" ", words));
        };
    }

    private String answer(String ip, String offer) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        IceSettings ice = IceSettings.DEFAULTS.toBuilder().addressFilter(a -> a.address().equals(address))
                .includeIpv6(false).gatherTcp(false).build();
        pc = new RTCPeerConnection(RTCConfiguration.defaults(), EngineSettings.builder().net(net).ice(ice).build(),
                VP8_AND_OPUS);
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                if (candidate == null) {
                    gathered.complete(null);
                }
            }

            @Override
            public void onTrack(RTCTrackEvent event) {
                if (event.track().kind().equals("video")) {
                    event.track().addVideoSink(frame -> received.add(System.nanoTime()));
                }
            }
        });
        pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(20, TimeUnit.SECONDS);
        addPatternAndTone(pc, resources);
        pc.setLocalDescription().get(20, TimeUnit.SECONDS);
        gathered.get(20, TimeUnit.SECONDS);
        return Base64.getEncoder().encodeToString(pc.localDescription().sdp().getBytes(StandardCharsets.UTF_8));
    }

    /** A 1280x720@30 test pattern and a 440 Hz tone on {@code pc}, in one stream; their sources go to {@code resources}. */
    static void addPatternAndTone(RTCPeerConnection pc, List<AutoCloseable> resources) {
        MediaStream stream = new MediaStream();
        AudioTrackSource tone = new AudioTrackSource();
        resources.add(tone::close);
        resources.add(new PacedAudioSource(new ToneGenerator(440, 0.5, 48_000, 1), tone).start());
        VideoTrackSource camera = new VideoTrackSource();
        resources.add(camera);
        resources.add(new PacedVideoSource(new TestPattern(1280, 720), 30, camera).start());
        pc.addTrack(tone.createTrack("tone"), stream);
        pc.addTrack(camera.createTrack("test pattern"), stream);
    }

    /** The video stats object of {@code type} as plain members (id and timestamp included). */
    static Map<String, Object> videoStats(RTCPeerConnection pc, String type) throws Exception {
        RTCStats stats = pc.getStats().get(5, TimeUnit.SECONDS).ofType(type).stream()
                .filter(s -> "video".equals(s.getString("kind").orElse(""))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no video " + type));
        Map<String, Object> plain = new LinkedHashMap<>(stats.members());
        plain.put("timestamp", stats.timestamp());
        return plain;
    }

    private void close() throws Exception {
        if (pc != null) {
            pc.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        net.close();
    }
}
