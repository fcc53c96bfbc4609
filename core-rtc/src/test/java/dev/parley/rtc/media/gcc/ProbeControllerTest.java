package dev.parley.rtc.media.gcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeControllerTest {
    @Test
    void mediaStartingProbesAtThreeAndSixTimesTheStart_once() {
        ProbeController controller = new ProbeController(300_000, () -> 2_500_000);
        List<ProbeRequest> probes = controller.onMediaStarted();
        assertEquals(List.of(900_000L, 1_800_000L), probes.stream().map(ProbeRequest::rateBps).toList());
        assertTrue(probes.get(0).bytes() >= ProbeController.MIN_PACKETS * ProbeController.PACKET_BYTES);
        assertTrue(probes.get(1).id() != probes.get(0).id());
        assertEquals(List.of(), controller.onMediaStarted());
    }

    @Test
    void aProbeThatCameBackNearItsRate_leadsToOneAtTwiceTheResult_untilTheSendersHaveWhatTheyWant() {
        ProbeController controller = new ProbeController(300_000, () -> 2_500_000);
        controller.onMediaStarted();
        assertEquals(List.of(), controller.onResult(850_000), "the 900k probe's result says nothing of the 1.8M one");
        List<ProbeRequest> further = controller.onResult(1_700_000);
        assertEquals(List.of(3_400_000L), further.stream().map(ProbeRequest::rateBps).toList());
        assertEquals(List.of(), controller.onResult(3_200_000), "2.5 Mbit/s wanted: enough");
    }

    @Test
    void aSaturatedProbeEndsTheProbing() {
        ProbeController controller = new ProbeController(300_000, () -> 2_500_000);
        controller.onMediaStarted();
        assertEquals(List.of(), controller.onResult(475_000), "a 500 kbit/s link");
    }

    @Test
    void probesStopAtTwiceWhatTheSendersWant() {
        ProbeController controller = new ProbeController(300_000, () -> 400_000);
        List<ProbeRequest> probes = controller.onMediaStarted();
        assertEquals(List.of(800_000L), probes.stream().map(ProbeRequest::rateBps).toList(),
                "3x start capped at 2x wanted; 6x would be the same");
    }

    @Test
    void startUpProbesThatAllFailed_goAgain_aLimitedNumberOfTimes() {
        ProbeController controller = new ProbeController(300_000, () -> 2_500_000);
        controller.onMediaStarted();
        assertEquals(List.of(), controller.onProbesFailed(1), "one still out");
        for (int retry = 0; retry < ProbeController.MAX_START_RETRIES; retry++) {
            assertEquals(List.of(900_000L, 1_800_000L),
                    controller.onProbesFailed(0).stream().map(ProbeRequest::rateBps).toList());
        }
        assertEquals(List.of(), controller.onProbesFailed(0), "given up");
    }

    @Test
    void onceAProbeFoundSomething_failuresAreNotRetried() {
        ProbeController controller = new ProbeController(300_000, () -> 2_500_000);
        controller.onMediaStarted();
        controller.onResult(850_000);
        assertEquals(List.of(), controller.onProbesFailed(0));
    }
}
