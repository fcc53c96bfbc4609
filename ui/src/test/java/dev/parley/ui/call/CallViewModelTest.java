package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoTrackSource;
import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeCallSession;
import dev.parley.ui.fakes.FakeDevices;
import dev.parley.ui.fakes.ManualTicker;
import dev.parley.ui.fakes.SteppingClock;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.CallStats;
import dev.parley.ui.port.CallSummary;
import dev.parley.ui.port.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call view-model without the FX toolkit: a fake session, a stepping clock, a manual ticker. */
class CallViewModelTest {
    static final String FINGERPRINT_A = "sha-256 " + "00:".repeat(31) + "00";
    static final String FINGERPRINT_B = "sha-256 " + "FF:".repeat(31) + "FF";

    private final FakeCallSession session = new FakeCallSession("Ada");
    private final SteppingClock clock = new SteppingClock();
    private final ManualTicker ticker = new ManualTicker();
    private CallViewModel vm;

    @BeforeEach
    void start() {
        vm = new CallViewModel(session, FakeDevices.LISTS, FxThread.inline(), TestMessages.english(), clock, ticker);
        vm.start();
    }

    @Test
    void timerCountsFromConnectedOnTicks() {
        assertEquals("Connecting to Ada\u2026", vm.statusTextProperty().get());
        clock.advance(Duration.ofSeconds(5)); // ringing and ICE do not count
        ticker.tick();
        assertEquals("00:00", vm.elapsedProperty().get());

        session.setState(CallState.CONNECTED);
        assertEquals("In a call with Ada", vm.statusTextProperty().get());
        clock.advance(Duration.ofSeconds(61));
        assertEquals("00:00", vm.elapsedProperty().get()); // moves on the tick, not before
        ticker.tick();
        assertEquals("01:01", vm.elapsedProperty().get());

        session.setState(CallState.RECONNECTING);
        session.setState(CallState.CONNECTED); // a reconnect does not restart the clock
        clock.advance(Duration.ofMinutes(59));
        ticker.tick();
        assertEquals("1:00:01", vm.elapsedProperty().get());
    }

    @Test
    void muteAndCameraReflectWhatTheSessionReports() {
        vm.toggleMicrophone();
        assertTrue(vm.microphoneMutedProperty().get());
        vm.toggleMicrophone();
        assertFalse(vm.microphoneMutedProperty().get());
        vm.toggleCamera();
        assertFalse(vm.cameraEnabledProperty().get());
        assertEquals(List.of("mute true", "mute false", "camera false"), session.requests);

        session.confirm = false; // the camera fails to start again: the button must not claim it is on
        vm.toggleCamera();
        assertFalse(vm.cameraEnabledProperty().get());
    }

    @Test
    void deviceSwitchCallsThePortWithTheChosenIdAndShowsTheNewSelection() {
        vm.switchCamera(FakeDevices.LISTS.cameras().get(1));
        vm.switchMicrophone(FakeDevices.LISTS.microphones().get(1));
        vm.switchSpeaker(FakeDevices.LISTS.speakers().get(1));
        vm.switchSpeaker(FakeDevices.LISTS.speakers().get(1)); // already in use: nothing to do
        assertEquals(List.of("switchCamera cam2", "switchMicrophone mic2", "switchSpeaker spk2"), session.requests);
        assertEquals("cam2", vm.devicesProperty().get().cameraId());
        assertEquals("spk2", vm.devicesProperty().get().speakerId());
    }

    @Test
    void chatSendsTrimmedAndShowsBothSides() {
        vm.chatDraftProperty().set("   ");
        vm.sendChat();
        assertTrue(session.requests.isEmpty());

        vm.chatDraftProperty().set("  hello ");
        vm.sendChat();
        assertEquals(List.of("chat hello"), session.requests);
        assertEquals("", vm.chatDraftProperty().get());
        session.emit(l -> l.onChat(new ChatMessage("hi Grace", false, Instant.EPOCH)));
        assertEquals(List.of("hello", "hi Grace"), vm.chat().stream().map(ChatMessage::text).toList());
        assertTrue(vm.unreadChatProperty().get());
        vm.chatOpenProperty().set(true);
        assertFalse(vm.unreadChatProperty().get());
    }

    @Test
    void securityCodeWordsAndLockOnceKnown() {
        assertFalse(vm.securedProperty().get());
        SecurityCode code = SecurityCode.of(FINGERPRINT_A, FINGERPRINT_B);
        session.securityCode.complete(code);
        assertTrue(vm.securedProperty().get());
        assertEquals(String.join(" ", code.words()), vm.securityWordsProperty().get());
        assertEquals(4, vm.securityWordsProperty().get().split(" ").length);
    }

    @Test
    void reconnectingBannerAndRemoteIndicators() {
        session.setState(CallState.CONNECTED);
        assertFalse(vm.reconnectingProperty().get());
        session.setState(CallState.RECONNECTING);
        assertTrue(vm.reconnectingProperty().get());
        session.setState(CallState.CONNECTED);
        assertFalse(vm.reconnectingProperty().get());

        session.emit(l -> l.onRemoteMicrophoneMuted(true));
        session.emit(l -> l.onRemoteCameraOff(true));
        assertTrue(vm.remoteMutedProperty().get());
        assertTrue(vm.remoteCameraOffProperty().get());
    }

    @Test
    void qualityAndItsDetails() {
        assertNull(vm.qualityProperty().get());
        session.emit(l -> l.onStats(new CallStats(420, 0.015, 900, true)));
        assertEquals(NetworkQuality.POOR, vm.qualityProperty().get());
        assertEquals("Poor connection: round trip 420 ms, loss 1.5 %, 900 kbit/s", vm.qualityDetailsProperty().get());
        session.emit(l -> l.onStats(new CallStats(40, 0, 1200, true)));
        assertEquals(NetworkQuality.GOOD, vm.qualityProperty().get());
    }

    @Test
    void videoTracksFollowTheSession() {
        VideoTrackSource source = new VideoTrackSource();
        MediaStreamTrack remote = source.createTrack("remote");
        MediaStreamTrack screen = source.createTrack("screen");
        session.emit(l -> l.onRemoteVideo(remote));
        vm.toggleScreenShare();
        session.emit(l -> l.onLocalVideo(screen));
        assertSame(remote, vm.remoteVideoProperty().get());
        assertSame(screen, vm.localVideoProperty().get());
        assertTrue(vm.screenSharingProperty().get());
        vm.toggleScreenShare();
        assertEquals(List.of("share true", "share false"), session.requests);
    }

    @Test
    void endingStopsTheTimerLeavesFullScreenAndKeepsTheSummary() {
        session.setState(CallState.CONNECTED);
        vm.toggleFullScreen();
        assertTrue(vm.fullScreenProperty().get());
        vm.hangUp();
        assertEquals(List.of("hangUp"), session.requests);

        CallSummary summary = new CallSummary(Duration.ofSeconds(95), 812.4, 0.012, "You hung up");
        session.emit(l -> l.onState(CallState.ENDED));
        session.emit(l -> l.onEnded(summary));
        assertSame(summary, vm.summaryProperty().get());
        assertEquals(CallState.ENDED, vm.stateProperty().get());
        assertFalse(vm.fullScreenProperty().get());
        assertEquals(0, ticker.subscribers());

        session.setState(CallState.CONNECTED); // a late event cannot bring the call back
        assertEquals(CallState.ENDED, vm.stateProperty().get());
        vm.hangUp();
        assertEquals(List.of("hangUp"), session.requests);
    }

    @Test
    void summaryTexts() {
        CallSummaryViewModel summary = new CallSummaryViewModel("Ada",
                new CallSummary(Duration.ofSeconds(3725), 812.4, 0.0123, "Ada hung up"), TestMessages.english());
        assertEquals("Call with Ada ended", summary.title());
        assertEquals("Duration: 1:02:05", summary.duration());
        assertEquals("Average bitrate: 812 kbit/s", summary.bitrate());
        assertEquals("Packet loss: 1.2 %", summary.loss());
        assertEquals("Ada hung up", summary.reason());
    }
}
