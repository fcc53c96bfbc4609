package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.media.AppMedia;
import dev.parley.app.media.VideoSize;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.call.SecurityCode;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.CallSessionListener;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.CallStats;
import dev.parley.ui.port.CallSummary;
import dev.parley.ui.port.ChatMessage;
import dev.parley.ui.port.SelectedDevices;
import dev.parley.ui.Messages;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test call through the whole engine, as the call screen drives it: connects, shows the far
 * end's video, measures the network, echoes chat, shows a security code, mutes, and ends with a summary.
 */
class TestCallStarterTest {
    private static final int WAIT = 20;
    private final AppMedia media = AppMedia.synthetic();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        media.close();
        timer.shutdownNow();
        background.shutdownNow();
    }

    /** What the session reported, as futures to wait on. */
    private static final class Seen implements CallSessionListener {
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<MediaStreamTrack> remoteVideo = new CompletableFuture<>();
        final CompletableFuture<CallStats> flowing = new CompletableFuture<>();
        final CompletableFuture<ChatMessage> echo = new CompletableFuture<>();
        final CompletableFuture<Boolean> muted = new CompletableFuture<>();
        final CompletableFuture<CallSummary> ended = new CompletableFuture<>();

        @Override
        public void onState(CallState state) {
            if (state == CallState.CONNECTED) {
                connected.complete(null);
            }
        }

        @Override
        public void onRemoteVideo(MediaStreamTrack track) {
            remoteVideo.complete(track);
        }

        @Override
        public void onStats(CallStats stats) {
            if (stats.bitrateKbps() > 50) {
                flowing.complete(stats);
            }
        }

        @Override
        public void onChat(ChatMessage message) {
            if (!message.fromMe()) {
                echo.complete(message);
            }
        }

        @Override
        public void onMicrophoneMuted(boolean isMuted) {
            muted.complete(isMuted);
        }

        @Override
        public void onEnded(CallSummary summary) {
            ended.complete(summary);
        }
    }

    @Test
    void aTestCallConnectsShowsTheFarEndEchoesChatAndEndsWithASummary() throws Exception {
        TestCallStarter starter = new TestCallStarter(new CallServices(media, EngineSettings.defaults(), new VideoSize(640, 360),
                timer, background, Clock.systemUTC(), Messages.forLocale(Locale.ENGLISH)));
        CallSession session = starter.start("Test call", new SelectedDevices("", "", ""))
                .get(WAIT, TimeUnit.SECONDS);
        Seen seen = new Seen();
        session.addListener(seen);
        assertEquals("Test call", session.peerName());
        assertTrue(session.localVideo().isPresent(), "our camera is there from the start");
        assertFalse(session.devices().cameraId().isEmpty(), "the device menus name the camera opened for the default");
        assertFalse(session.devices().microphoneId().isEmpty());

        seen.connected.get(WAIT, TimeUnit.SECONDS);
        MediaStreamTrack remote = seen.remoteVideo.get(WAIT, TimeUnit.SECONDS);
        assertEquals(MediaStreamTrack.VIDEO, remote.kind());
        assertEquals(remote, session.remoteVideo().orElseThrow());

        CallStats stats = seen.flowing.get(WAIT, TimeUnit.SECONDS);
        assertTrue(stats.video());
        assertTrue(stats.lossFraction() < 0.05, "loopback loses nothing: " + stats);

        session.sendChat("hello");
        assertEquals(TestCallStarter.ECHO_PREFIX + "hello", seen.echo.get(WAIT, TimeUnit.SECONDS).text());

        SecurityCode code = session.securityCode().get(WAIT, TimeUnit.SECONDS);
        assertEquals(4, code.words().size());

        session.setMicrophoneMuted(true);
        assertTrue(seen.muted.get(WAIT, TimeUnit.SECONDS));

        session.hangUp();
        CallSummary summary = seen.ended.get(WAIT, TimeUnit.SECONDS);
        assertEquals(CallState.ENDED, session.state());
        assertFalse(summary.duration().isNegative());
        assertTrue(summary.averageBitrateKbps() > 50, "media flowed: " + summary);
        assertEquals(MediaStreamTrack.VIDEO, session.localVideo().orElseThrow().kind());
        assertEquals(dev.parley.rtc.MediaStreamTrackState.ENDED, session.localVideo().orElseThrow().readyState(),
                "the camera is released when the call ends");
    }
}
