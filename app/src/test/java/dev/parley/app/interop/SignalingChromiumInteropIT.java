package dev.parley.app.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.peer.HeadlessPeer;
import dev.parley.app.peer.PeerOptions;
import dev.parley.app.peer.SyntheticCamera;
import dev.parley.app.peer.Y4mReader;
import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chromium opens the calling page from the embedded server and calls a headless Parley peer, and
 * is called by one: the call connects, audio and video flow both ways (Chromium decodes Parley's
 * test pattern; Parley records Chromium's fake camera) and chat crosses in both directions.
 * Chromium runs in a network namespace of its own (it gathers no loopback candidates); the server
 * and the Java peer use the host side of the veth link.
 *
 * <pre>
 *   server + Parley peer  10.213.66.1 ── veth ── 10.213.66.2  Chromium (the calling page)
 * </pre>
 */
class SignalingChromiumInteropIT {
    private static final String HOST_IP = "10.213.66.1";
    private static final String NS_IP = "10.213.66.2";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path recordings;
    private NetworkNamespace ns;
    private SignalingServer server;
    private ChromiumPeer browser;
    private SignalingClientRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        ns = NetworkNamespace.create(HOST_IP, NS_IP);
        server = SignalingServer.start(SignalingServerConfig.builder().host(HOST_IP).build());
        String origin = "http://" + HOST_IP + ":" + server.port();
        // The page is served over plain http inside the test: let Chromium treat it as the
        // secure context getUserMedia needs.
        browser = ChromiumPeer.start(ns, "--unsafely-treat-insecure-origin-as-secure=" + origin,
                "--autoplay-policy=no-user-gesture-required");
        runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
        browser.navigate(server.pageUri().toString());
        browser.eval("document.getElementById('name').value = 'Browser'; document.getElementById('joinButton').click()");
        awaitTrue(() -> js("document.getElementById('status').textContent === 'online as Browser'"), "the page registers");
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    /** What the Parley peer receives. */
    private static final class Heard implements HeadlessPeer.Listener {
        final AtomicLong audioFrames = new AtomicLong();
        final AtomicLong videoFrames = new AtomicLong();
        final LinkedBlockingQueue<String> chat = new LinkedBlockingQueue<>();
        final CompletableFuture<String> connected = new CompletableFuture<>();
        final CompletableFuture<CallEndReason> ended = new CompletableFuture<>();

        @Override
        public void onCallConnected(String callId) {
            connected.complete(callId);
        }

        @Override
        public void onRemoteAudio(AudioFrame frame) {
            audioFrames.incrementAndGet();
        }

        @Override
        public void onRemoteVideo(VideoFrame frame) {
            videoFrames.incrementAndGet();
        }

        @Override
        public void onChatMessage(String text) {
            chat.add(text);
        }

        @Override
        public void onCallEnded(String callId, CallEndReason reason) {
            ended.complete(reason);
        }
    }

    private HeadlessPeer parley(String name, String call, Heard heard) throws Exception {
        InetAddress host = InetAddress.getByName(HOST_IP);
        EngineSettings onTheLink = EngineSettings.builder()
                .ice(IceSettings.DEFAULTS.toBuilder().addressFilter(a -> a.address().equals(host)).build()).build();
        HeadlessPeer peer = new HeadlessPeer(new PeerOptions(server.webSocketUri(), name, call, true, 440, null, SyntheticCamera.HD, null, recordings, null),
                runtime, onTheLink, heard);
        peer.start().get(10, TimeUnit.SECONDS);
        return peer;
    }

    @Test
    void chromiumCallsParley_audioAndChatBothWays() throws Exception {
        Heard heard = new Heard();
        try (HeadlessPeer parley = parley("Parley", null, heard)) {
            awaitTrue(() -> js("[...document.querySelectorAll('#people li')].some(li => li.textContent.startsWith('Parley'))"),
                    "the page lists Parley");
            browser.eval("[...document.querySelectorAll('#people li')].find(li => li.textContent.startsWith('Parley'))"
                    + ".querySelector('button').click()");
            heard.connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String callId = heard.connected.get();
            checkCall(heard);
            browser.eval("document.getElementById('hangupButton').click()");
            assertEquals(CallEndReason.HUNG_UP, heard.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            checkRecordedCamera(callId);
        }
    }

    @Test
    void parleyCallsChromium_audioAndChatBothWays() throws Exception {
        Heard heard = new Heard();
        try (HeadlessPeer parley = parley("Parley", "Browser", heard)) {
            awaitTrue(() -> js("!document.getElementById('incoming').hidden"), "the page rings");
            assertEquals("Parley", browser.eval("document.getElementById('caller').textContent"));
            browser.eval("document.getElementById('acceptButton').click()");
            heard.connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String callId = heard.connected.get();
            checkCall(heard);
            parley.hangup().get(10, TimeUnit.SECONDS);
            checkRecordedCamera(callId);
            awaitTrue(() -> js("document.getElementById('callStatus').textContent === 'hung up'"), "the page hears the hang-up");
        }
    }

    /** Chat both ways, and audio both ways: Parley counts frames, Chromium counts RTP packets. */
    private void checkCall(Heard heard) throws Exception {
        awaitTrue(() -> js("!document.getElementById('chatInput').disabled"), "the page's chat opens");
        browser.eval("document.getElementById('chatInput').value = 'hi from the browser';"
                + "document.getElementById('chatForm').requestSubmit()");
        assertEquals("hi from the browser", heard.chat.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        awaitTrue(() -> js("document.getElementById('messages').textContent.includes('Parley: hello from Parley')"),
                "Parley's greeting reaches the page");
        awaitTrue(() -> heard.audioFrames.get() >= 100, "Parley receives the browser's microphone");
        awaitTrue(() -> {
            Object packets = browser.evalAsync("const stats = await call.pc.getStats(); let n = 0;"
                    + "stats.forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'audio') n += s.packetsReceived; });"
                    + "return n;");
            return packets instanceof Number n && n.longValue() >= 100;
        }, "the browser receives Parley's tone");
        awaitTrue(() -> heard.videoFrames.get() >= 30, "Parley decodes the browser's camera");
        checkBrowserDecodesParleysVideo();
    }

    /** Chromium's inbound video: frames decoded keep rising, at a rate and size it reports. */
    private void checkBrowserDecodesParleysVideo() throws Exception {
        String inbound = "const stats = await call.pc.getStats(); let v = null;"
                + "stats.forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') v = s; });";
        awaitTrue(() -> browser.evalAsync(inbound + "return v !== null && v.framesDecoded > 0;") instanceof Boolean b && b,
                "the browser decodes Parley's video");
        long start = System.nanoTime();
        long first = ((Number) browser.evalAsync(inbound + "return v.framesDecoded;")).longValue();
        awaitTrue(() -> ((Number) browser.evalAsync(inbound + "return v.framesDecoded;")).longValue() >= first + 60,
                "the browser's framesDecoded keeps rising");
        double seconds = (System.nanoTime() - start) / 1e9;
        Object size = browser.evalAsync(inbound + "return v.frameWidth + 'x' + v.frameHeight + ' at ' + v.framesPerSecond;");
        System.out.printf("Chromium decodes Parley's video: 60 frames in %.2f s (%.1f fps), %s fps reported%n",
                seconds, 60 / seconds, size);
        assertTrue(String.valueOf(size).matches("\\d+x\\d+ at .*") && !String.valueOf(size).startsWith("undefined"),
                "frameWidth and frameHeight reported: " + size);
    }

    /** The recording holds Chromium's fake camera: pictures of one size whose pixels vary and move. */
    private void checkRecordedCamera(String callId) throws Exception {
        Path file = recordings.resolve(callId + "-video.y4m");
        List<VideoFrame> frames = Y4mReader.frames(file);
        assertTrue(frames.size() >= 30, "frames recorded: " + frames.size());
        VideoFrame early = frames.get(frames.size() / 4);
        VideoFrame late = frames.get(frames.size() - 1);
        assertTrue(lumaRange(late) > 64, "the fake camera's picture is not flat: luma range " + lumaRange(late));
        assertTrue(!early.dataY().equals(late.dataY()), "the fake camera's picture moves");
    }

    private static int lumaRange(VideoFrame frame) {
        int min = 255;
        int max = 0;
        ByteBuffer y = frame.dataY();
        for (int row = 0; row < frame.height(); row++) {
            for (int col = 0; col < frame.width(); col++) {
                int v = y.get(row * frame.strideY() + col) & 0xFF;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max - min;
    }

    private boolean js(String expression) throws IOException, InterruptedException {
        return Boolean.TRUE.equals(browser.eval(expression));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls {@code check} until it holds or the deadline passes: the page has no event we can subscribe to. */
    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
