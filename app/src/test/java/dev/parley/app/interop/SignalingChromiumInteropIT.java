package dev.parley.app.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.peer.HeadlessPeer;
import dev.parley.app.peer.PeerOptions;
import dev.parley.app.peer.SyntheticCamera;
import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chromium opens the calling page from the embedded server and calls a headless Parley peer, and
 * is called by one: the call connects, audio flows both ways and chat crosses in both directions.
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
        HeadlessPeer peer = new HeadlessPeer(new PeerOptions(server.webSocketUri(), name, call, true, 440, null, SyntheticCamera.HD, null, null),
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
            checkCall(heard);
            browser.eval("document.getElementById('hangupButton').click()");
            assertEquals(CallEndReason.HUNG_UP, heard.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS));
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
            checkCall(heard);
            parley.hangup().get(10, TimeUnit.SECONDS);
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
