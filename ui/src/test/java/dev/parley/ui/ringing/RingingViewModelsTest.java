package dev.parley.ui.ringing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeDirectory;
import dev.parley.ui.fakes.FakeOutgoingCall;
import dev.parley.ui.fakes.RecordingNavigator;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.IncomingCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoming and outgoing call screens' view-models. */
class RingingViewModelsTest {
    private final FakeDirectory directory = new FakeDirectory();
    private final RecordingNavigator navigator = new RecordingNavigator();

    private IncomingCallViewModel incoming() {
        return new IncomingCallViewModel(new IncomingCall("c1", "Ada"), directory, navigator, FxThread.inline(),
                TestMessages.english());
    }

    @Test
    void answerWithVideo() {
        IncomingCallViewModel vm = incoming();
        assertEquals("Ada is calling", vm.promptProperty().get());
        vm.answerWithVideo();
        assertEquals(List.of("c1 video"), directory.accepted);
        assertFalse(vm.openProperty().get());
        assertTrue(directory.listeners.isEmpty());
    }

    @Test
    void answerAudioOnlyAndOnlyTheFirstAnswerCounts() {
        IncomingCallViewModel vm = incoming();
        vm.answerAudioOnly();
        vm.answerWithVideo();
        vm.decline();
        assertEquals(List.of("c1 audio"), directory.accepted);
        assertTrue(directory.declined.isEmpty());
    }

    @Test
    void declineGoesBackToMain() {
        IncomingCallViewModel vm = incoming();
        vm.decline();
        assertEquals(List.of("c1"), directory.declined);
        assertEquals(List.of("main"), navigator.shown);
        assertTrue(directory.accepted.isEmpty());
    }

    @Test
    void ringingTimeoutOrCallerCancelClosesTheScreen() {
        IncomingCallViewModel vm = incoming();
        directory.emit(l -> l.onIncomingCallEnded("other", "timeout"));
        assertTrue(vm.openProperty().get());
        directory.emit(l -> l.onIncomingCallEnded("c1", "timeout"));
        assertFalse(vm.openProperty().get());
        assertEquals(List.of("main"), navigator.shown);
        vm.answerWithVideo();
        assertTrue(directory.accepted.isEmpty());
    }

    @Test
    void outgoingShowsRingingThenCancelStopsIt() {
        FakeOutgoingCall call = new FakeOutgoingCall("Grace");
        OutgoingCallViewModel vm = new OutgoingCallViewModel(call, navigator, FxThread.inline(), TestMessages.english());
        assertEquals("Calling Grace\u2026", vm.statusProperty().get());
        assertFalse(vm.ringingProperty().get());
        call.emit(l -> l.onRinging());
        assertEquals("Ringing Grace\u2026", vm.statusProperty().get());
        assertTrue(vm.ringingProperty().get());

        vm.cancel();
        vm.cancel();
        assertEquals(1, call.cancels);
        assertFalse(vm.ringingProperty().get());
        assertFalse(vm.openProperty().get());
        assertEquals(List.of("main"), navigator.shown);
        assertTrue(call.listeners.isEmpty());
    }

    @Test
    void outgoingFailureSaysWhyAndCannotBeCancelled() {
        FakeOutgoingCall call = new FakeOutgoingCall("Grace");
        OutgoingCallViewModel vm = new OutgoingCallViewModel(call, navigator, FxThread.inline(), TestMessages.english());
        call.emit(l -> l.onFailed("busy"));
        assertEquals("Could not reach Grace: busy", vm.statusProperty().get());
        assertFalse(vm.openProperty().get());
        vm.cancel();
        assertEquals(0, call.cancels);
    }
}
