package dev.parley.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeDirectory;
import dev.parley.ui.fakes.RecordingNavigator;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.ui.port.ConnectionState;
import dev.parley.ui.port.IncomingCall;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    private final FakeDirectory directory = new FakeDirectory();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private MainViewModel vm;

    @BeforeEach
    void start() {
        directory.online = List.of("grace", "Ada", "Alan");
        vm = new MainViewModel(directory, navigator, FxThread.inline(), TestMessages.english(), ZoneOffset.UTC);
        vm.start();
    }

    @Test
    void onlineNamesAreSortedAndFilteredByTheSearchIgnoringCase() {
        assertEquals(List.of("Ada", "Alan", "grace"), vm.visibleOnline());
        vm.searchProperty().set("a");
        assertEquals(List.of("Ada", "Alan", "grace"), vm.visibleOnline());
        vm.searchProperty().set(" AL ");
        assertEquals(List.of("Alan"), vm.visibleOnline());

        directory.emit(l -> l.onPresence(List.of("Alice", "Bob", "Alan")));
        assertEquals(List.of("Alan", "Alice"), vm.visibleOnline());
        vm.searchProperty().set("");
        assertEquals(List.of("Alan", "Alice", "Bob"), vm.visibleOnline());
    }

    @Test
    void callingSomeoneShowsTheOutgoingCall() {
        vm.call("Ada");
        assertEquals(List.of("Ada"), directory.calls);
        assertEquals(List.of("outgoing Ada"), navigator.shown);
    }

    @Test
    void noCallWhileOfflineOrForABlankName() {
        vm.call("  ");
        directory.emit(l -> l.onConnectionState(ConnectionState.OFFLINE));
        vm.call("Ada");
        assertTrue(directory.calls.isEmpty());
    }

    @Test
    void connectionStatusText() {
        assertEquals("Connected", vm.connectionTextProperty().get());
        directory.emit(l -> l.onConnectionState(ConnectionState.RECONNECTING));
        assertEquals("Reconnecting\u2026", vm.connectionTextProperty().get());
        directory.emit(l -> l.onConnectionState(ConnectionState.OFFLINE));
        assertEquals("Offline", vm.connectionTextProperty().get());
    }

    @Test
    void anOfflineReasonIsShownWhileOfflineAndForgottenOnceConnected() {
        directory.emit(l -> l.onConnectionState(ConnectionState.OFFLINE));
        vm.setOfflineReason("you did not trust the server's certificate");
        assertEquals("Offline \u00b7 you did not trust the server's certificate", vm.connectionTextProperty().get());
        directory.emit(l -> l.onConnectionState(ConnectionState.CONNECTED));
        assertEquals("Connected", vm.connectionTextProperty().get());
        directory.emit(l -> l.onConnectionState(ConnectionState.OFFLINE));
        assertEquals("Offline", vm.connectionTextProperty().get(), "the old reason is gone");
    }

    @Test
    void anIncomingCallOpensItsScreenAndSettingsOpen() {
        directory.ring(new IncomingCall("c1", "Ada"));
        vm.openSettings();
        assertEquals(List.of("incoming c1", "settings"), navigator.shown);
    }

    @Test
    void historyIsNewestFirst() {
        CallHistoryEntry older = entry("Ada", "2026-11-25T09:00:00Z");
        CallHistoryEntry newest = entry("Alan", "2026-11-27T09:00:00Z");
        CallHistoryEntry middle = entry("Grace", "2026-11-26T09:00:00Z");
        vm.setHistory(List.of(older, newest));
        vm.addHistory(middle);
        assertEquals(List.of(newest, middle, older), vm.history());
        CallHistoryEntry latest = entry("Bob", "2026-11-27T10:00:00Z");
        vm.addHistory(latest);
        assertEquals(latest, vm.history().get(0));
    }

    @Test
    void aHistoryLineSaysDirectionPeerAndDuration() {
        String line = vm.describe(new CallHistoryEntry("Ada", CallDirection.MISSED,
                Instant.parse("2026-11-27T09:00:00Z"), Duration.ofSeconds(187)));
        assertTrue(line.startsWith("Missed \u00b7 Ada \u00b7 "), line);
        assertTrue(line.endsWith(" \u00b7 03:07"), line);
    }

    @Test
    void closeStopsListening() {
        vm.close();
        assertTrue(directory.listeners.isEmpty());
    }

    private static CallHistoryEntry entry(String peer, String start) {
        return new CallHistoryEntry(peer, CallDirection.OUTGOING, Instant.parse(start), Duration.ofMinutes(1));
    }
}
