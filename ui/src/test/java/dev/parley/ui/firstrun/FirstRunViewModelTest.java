package dev.parley.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.MediaStreamTrackState;
import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeDevices;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.LevelListener;
import dev.parley.ui.port.FirstRunResult;
import dev.parley.ui.port.SelectedDevices;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first-run view-model without the FX toolkit. */
class FirstRunViewModelTest {
    private final FakeDevices devices = new FakeDevices();
    private final List<FirstRunResult> finished = new ArrayList<>();
    private FirstRunViewModel vm;

    @BeforeEach
    void start() {
        vm = new FirstRunViewModel(devices, FxThread.inline(), TestMessages.english(), finished::add);
        vm.start();
    }

    @Test
    void aValidNameWithTheEmbeddedServerFinishesWithTheDefaultDevices() {
        vm.displayNameProperty().set("  Ada Lovelace ");
        assertTrue(vm.canFinishProperty().get());

        Optional<FirstRunResult> result = vm.finish();

        FirstRunResult expected = new FirstRunResult("Ada Lovelace",
                dev.parley.ui.port.ServerChoice.embedded(), new SelectedDevices("cam1", "mic1", "spk1"));
        assertEquals(Optional.of(expected), result);
        assertEquals(List.of(expected), finished);
    }

    @Test
    void anInvalidNameBlocksFinishAndSaysWhy() {
        assertFalse(vm.canFinishProperty().get());
        assertEquals("Enter a name.", vm.nameErrorProperty().get());
        vm.displayNameProperty().set("   ");
        assertEquals("Enter a name.", vm.nameErrorProperty().get());
        vm.displayNameProperty().set("a".repeat(65));
        assertEquals("A name has at most 64 characters.", vm.nameErrorProperty().get());
        vm.displayNameProperty().set("Ada\u0007");
        assertEquals("A name cannot contain control characters.", vm.nameErrorProperty().get());
        assertFalse(vm.canFinishProperty().get());
        assertEquals(Optional.empty(), vm.finish());
        assertTrue(finished.isEmpty());

        vm.displayNameProperty().set("a".repeat(64));
        assertEquals("", vm.nameErrorProperty().get());
        assertTrue(vm.canFinishProperty().get());
    }

    @Test
    void sixtyFourCharactersCountCodePointsNotUtf16Units() {
        assertEquals(Optional.empty(), DisplayNameRule.problem("\uD83D\uDE00".repeat(64)));
        assertEquals(Optional.of("firstRun.name.tooLong"), DisplayNameRule.problem("\uD83D\uDE00".repeat(65)));
    }

    @Test
    void aRemoteServerNeedsAWsOrWssUrlWithAHost() {
        vm.displayNameProperty().set("Ada");
        vm.embeddedServerProperty().set(false);
        assertEquals("Enter the server address.", vm.serverErrorProperty().get());
        assertFalse(vm.canFinishProperty().get());

        vm.serverUrlProperty().set("https://example.org/parley");
        assertEquals("The address must start with ws:// or wss://.", vm.serverErrorProperty().get());
        vm.serverUrlProperty().set("wss://exa mple.org");
        assertEquals("This is not a valid address.", vm.serverErrorProperty().get());
        vm.serverUrlProperty().set("wss:///parley");
        assertEquals("The address needs a host name.", vm.serverErrorProperty().get());
        assertFalse(vm.canFinishProperty().get());

        vm.serverUrlProperty().set(" wss://example.org:8443/parley ");
        assertEquals("", vm.serverErrorProperty().get());
        assertTrue(vm.canFinishProperty().get());
        assertEquals(Optional.of(URI.create("wss://example.org:8443/parley")),
                vm.finish().orElseThrow().server().url());
    }

    @Test
    void switchingBackToEmbeddedIgnoresABadUrl() {
        vm.displayNameProperty().set("Ada");
        vm.embeddedServerProperty().set(false);
        vm.serverUrlProperty().set("nonsense");
        assertFalse(vm.canFinishProperty().get());
        vm.embeddedServerProperty().set(true);
        assertTrue(vm.canFinishProperty().get());
    }

    @Test
    void pickingAnotherCameraStopsTheOldPreviewAndShowsTheNewOne() {
        assertEquals(List.of("cam1"), devices.previewsOpened);
        var first = vm.previewProperty().get();
        assertSame(devices.previewTracks.get(0), first);

        vm.cameraProperty().set(FakeDevices.LISTS.cameras().get(1));

        assertEquals(List.of("cam1", "cam2"), devices.previewsOpened);
        assertEquals(MediaStreamTrackState.ENDED, first.readyState());
        assertSame(devices.previewTracks.get(1), vm.previewProperty().get());
        vm.displayNameProperty().set("Ada");
        assertEquals("cam2", vm.finish().orElseThrow().devices().cameraId());
    }

    @Test
    void aSlowPreviewOfACameraNoLongerChosenIsStoppedNotShown() {
        devices.deferPreviews = true;
        vm.cameraProperty().set(FakeDevices.LISTS.cameras().get(1));
        vm.cameraProperty().set(FakeDevices.LISTS.cameras().get(0));
        assertNull(vm.previewProperty().get());

        // cam2's preview opens late, after cam1 was chosen again
        devices.pendingPreviews.get(0).complete(devices.previewTracks.get(1));
        assertEquals(MediaStreamTrackState.ENDED, devices.previewTracks.get(1).readyState());
        assertNull(vm.previewProperty().get());
        devices.pendingPreviews.get(1).complete(devices.previewTracks.get(2));
        assertSame(devices.previewTracks.get(2), vm.previewProperty().get());
    }

    @Test
    void theLevelFollowsTheChosenMicrophoneOnly() {
        devices.levelListeners.get("mic1").onLevel(0.4);
        assertEquals(0.4, vm.microphoneLevelProperty().get(), 1e-9);

        vm.microphoneProperty().set(FakeDevices.LISTS.microphones().get(1));
        assertFalse(devices.levelListeners.containsKey("mic1"));
        assertEquals(0, vm.microphoneLevelProperty().get(), 1e-9);
        devices.levelListeners.get("mic2").onLevel(1.7); // out of range: clamped
        assertEquals(1, vm.microphoneLevelProperty().get(), 1e-9);
    }

    @Test
    void voiceDetectionFollowsTheChosenMicrophoneAndStartsOverOnAnother() {
        assertFalse(vm.microphoneSpeakingProperty().get());
        devices.levelListeners.get("mic1").onSpeaking(true);
        assertTrue(vm.microphoneSpeakingProperty().get());

        LevelListener first = devices.levelListeners.get("mic1");
        vm.microphoneProperty().set(FakeDevices.LISTS.microphones().get(1));
        assertFalse(vm.microphoneSpeakingProperty().get(), "a new microphone has not heard anyone yet");
        first.onSpeaking(true); // a late reading from the microphone left behind
        assertFalse(vm.microphoneSpeakingProperty().get());
        devices.levelListeners.get("mic2").onSpeaking(true);
        assertTrue(vm.microphoneSpeakingProperty().get());
        devices.levelListeners.get("mic2").onSpeaking(false);
        assertFalse(vm.microphoneSpeakingProperty().get());
    }

    @Test
    void speakerTestPlaysOnTheChosenSpeaker() {
        vm.speakerProperty().set(FakeDevices.LISTS.speakers().get(1));
        vm.testSpeaker();
        assertEquals(List.of("spk2"), devices.soundsPlayed);
    }

    @Test
    void closeStopsPreviewAndLevel() {
        var track = vm.previewProperty().get();
        vm.close();
        assertEquals(MediaStreamTrackState.ENDED, track.readyState());
        assertNull(vm.previewProperty().get());
        assertTrue(devices.levelListeners.isEmpty());
    }
}
