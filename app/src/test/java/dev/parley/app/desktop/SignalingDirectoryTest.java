package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.media.AppMedia;
import dev.parley.app.media.VideoSize;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.CallSessionListener;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.CallSummary;
import dev.parley.ui.port.ChatMessage;
import dev.parley.ui.port.ConnectionState;
import dev.parley.ui.port.DirectoryListener;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.OutgoingCall;
import dev.parley.ui.port.OutgoingCallListener;
import dev.parley.ui.port.SelectedDevices;
import dev.parley.ui.Messages;
import java.time.Clock;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two app directories call each other through a real embedded server on loopback, with real
 * peer connections and synthetic devices: ring, answer or decline, media and chat, hang-up, history.
 */
class SignalingDirectoryTest {
    private static final int WAIT = 20;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AppMedia media = AppMedia.synthetic();
    private SignalingServer server;
    private SignalingClientRuntime runtime;

    /** One app: its directory, what it opened and what it logged. */
    private final class App implements DirectoryListener {
        final SignalingDirectory directory;
        final SignalingClient client;
        final CompletableFuture<CallSession> opened = new CompletableFuture<>();
        final CompletableFuture<IncomingCall> incoming = new CompletableFuture<>();
        final CompletableFuture<String> incomingEnded = new CompletableFuture<>();
        final CompletableFuture<List<String>> seesOther = new CompletableFuture<>();
        final BlockingQueue<CallHistoryEntry> history = new LinkedBlockingQueue<>();

        App(String name) {
            CallServices services = new CallServices(media,
                    EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build(), new VideoSize(320, 180),
                    timer, background, Clock.systemUTC(), Messages.forLocale(Locale.ENGLISH));
            directory = new SignalingDirectory(services, () -> new SelectedDevices("", "", ""), opened::complete, history::add);
            client = new SignalingClient(SignalingClientConfig.of(server.webSocketUri(), name, null), runtime, directory);
            directory.attach(client);
            directory.addListener(this);
        }

        App connect() throws Exception {
            client.connect().get(WAIT, TimeUnit.SECONDS);
            return this;
        }

        @Override
        public void onIncomingCall(IncomingCall call) {
            incoming.complete(call);
        }

        @Override
        public void onIncomingCallEnded(String callId, String reason) {
            incomingEnded.complete(reason);
        }

        @Override
        public void onPresence(List<String> onlineNames) {
            if (!onlineNames.isEmpty()) {
                seesOther.complete(onlineNames);
            }
        }
    }

    /** A call screen's view of a session. */
    private static final class Screen implements CallSessionListener {
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<MediaStreamTrack> remoteVideo = new CompletableFuture<>();
        final CompletableFuture<ChatMessage> chat = new CompletableFuture<>();
        final CompletableFuture<CallSummary> ended = new CompletableFuture<>();
        final CompletableFuture<Boolean> remoteMuted = new CompletableFuture<>();

        Screen(CallSession session) {
            session.addListener(this);
            session.remoteVideo().ifPresent(remoteVideo::complete);
            if (session.state() == CallState.CONNECTED) {
                connected.complete(null);
            }
        }

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
        public void onChat(ChatMessage message) {
            if (!message.fromMe()) {
                chat.complete(message);
            }
        }

        @Override
        public void onEnded(CallSummary summary) {
            ended.complete(summary);
        }

        @Override
        public void onRemoteMicrophoneMuted(boolean muted) {
            if (muted) {
                remoteMuted.complete(true);
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = SignalingServer.start(SignalingServerConfig.builder().build());
        runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
    }

    @AfterEach
    void stop() {
        runtime.close();
        server.close();
        media.close();
        timer.shutdownNow();
        background.shutdownNow();
    }

    @Test
    void aCallAnsweredAudioOnly_carriesTheCallersVideo_chatCrosses_andTheCalleeHangsUp() throws Exception {
        App ada = new App("Ada").connect();
        App bob = new App("Bob").connect();
        assertEquals(List.of("Bob"), ada.seesOther.get(WAIT, TimeUnit.SECONDS));
        assertEquals(ConnectionState.CONNECTED, ada.directory.connectionState());

        OutgoingCall outgoing = ada.directory.call("Bob");
        CompletableFuture<Void> rang = new CompletableFuture<>();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        outgoing.addListener(new OutgoingCallListener() {
            @Override
            public void onRinging() {
                rang.complete(null);
            }

            @Override
            public void onAnswered() {
                answered.complete(null);
            }
        });
        IncomingCall call = bob.incoming.get(WAIT, TimeUnit.SECONDS);
        assertEquals("Ada", call.callerName());
        rang.get(WAIT, TimeUnit.SECONDS);
        // audio only: the two apps share one synthetic camera here, which opens once at a time
        bob.directory.accept(call.callId(), false);
        answered.get(WAIT, TimeUnit.SECONDS);

        CallSession adaSession = ada.opened.get(WAIT, TimeUnit.SECONDS);
        CallSession bobSession = bob.opened.get(WAIT, TimeUnit.SECONDS);
        assertEquals("Bob", adaSession.peerName());
        assertEquals("Ada", bobSession.peerName());
        Screen adaScreen = new Screen(adaSession);
        Screen bobScreen = new Screen(bobSession);
        adaScreen.connected.get(WAIT, TimeUnit.SECONDS);
        bobScreen.connected.get(WAIT, TimeUnit.SECONDS);
        assertEquals(MediaStreamTrack.VIDEO, bobScreen.remoteVideo.get(WAIT, TimeUnit.SECONDS).kind());
        assertTrue(bobSession.localVideo().isEmpty(), "an audio-only answer sends no camera");
        assertEquals(adaSession.securityCode().get(WAIT, TimeUnit.SECONDS), bobSession.securityCode().get(WAIT, TimeUnit.SECONDS),
                "both screens show the same words");

        adaSession.sendChat("hi Bob");
        assertEquals("hi Bob", bobScreen.chat.get(WAIT, TimeUnit.SECONDS).text());
        bobSession.sendChat("hi Ada");
        assertEquals("hi Ada", adaScreen.chat.get(WAIT, TimeUnit.SECONDS).text());

        adaSession.setMicrophoneMuted(true);
        assertTrue(bobScreen.remoteMuted.get(WAIT, TimeUnit.SECONDS), "Bob's screen shows Ada muted");

        bobSession.hangUp();
        assertEquals("Bob hung up", adaScreen.ended.get(WAIT, TimeUnit.SECONDS).endReason());
        assertEquals("You hung up", bobScreen.ended.get(WAIT, TimeUnit.SECONDS).endReason());
        CallHistoryEntry adaCall = recorded(ada);
        CallHistoryEntry bobCall = recorded(bob);
        assertEquals(CallDirection.OUTGOING, adaCall.direction());
        assertEquals(CallDirection.INCOMING, bobCall.direction());
        assertEquals("Bob", adaCall.peer());
        assertTrue(bobCall.duration().toMillis() > 0);
    }

    @Test
    void aDeclinedCallTellsTheCallerWhy() throws Exception {
        App ada = new App("Ada").connect();
        App bob = new App("Bob").connect();
        ada.seesOther.get(WAIT, TimeUnit.SECONDS);
        OutgoingCall outgoing = ada.directory.call("Bob");
        CompletableFuture<String> failed = new CompletableFuture<>();
        outgoing.addListener(new OutgoingCallListener() {
            @Override
            public void onFailed(String reason) {
                failed.complete(reason);
            }
        });
        bob.directory.decline(bob.incoming.get(WAIT, TimeUnit.SECONDS).callId());
        assertEquals("Bob declined", failed.get(WAIT, TimeUnit.SECONDS));
        assertEquals(CallDirection.OUTGOING, recorded(ada).direction());
        assertEquals(CallDirection.INCOMING, recorded(bob).direction());
        assertTrue(ada.opened.isDone() == false && bob.opened.isDone() == false, "no call screen opened");
    }

    @Test
    void aCancelledCallStopsRingingAtTheCallee_andCountsAsMissedThere() throws Exception {
        App ada = new App("Ada").connect();
        App bob = new App("Bob").connect();
        ada.seesOther.get(WAIT, TimeUnit.SECONDS);
        OutgoingCall outgoing = ada.directory.call("Bob");
        bob.incoming.get(WAIT, TimeUnit.SECONDS);
        outgoing.cancel();
        assertEquals("Ada cancelled", bob.incomingEnded.get(WAIT, TimeUnit.SECONDS));
        assertEquals(CallDirection.MISSED, recorded(bob).direction());
    }

    /** The call the app added to its history, waiting for it. */
    private static CallHistoryEntry recorded(App app) throws InterruptedException {
        CallHistoryEntry entry = app.history.poll(WAIT, TimeUnit.SECONDS);
        if (entry == null) {
            throw new AssertionError("no call recorded in the history within " + WAIT + " s");
        }
        return entry;
    }

}
