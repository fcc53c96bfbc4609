package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioFrame.VoiceActivity;
import dev.parley.rtc.media.DiscontinuousTransmission.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sender-side Opus DTX: what is held back, for how long, and how speech comes back. */
class DiscontinuousTransmissionTest {
    private static final long PACKET = 20_000_000L;

    @Test
    void silenceIsSentThroughTheHangoverThenOnePacketEvery400MsAndSpeechStartsATalkspurt() {
        DiscontinuousTransmission dtx = new DiscontinuousTransmission();
        List<Decision> decisions = new ArrayList<>();
        for (int packet = 0; packet < 40; packet++) { // 800 ms of silence
            decisions.add(packet(dtx, VoiceActivity.INACTIVE, true));
        }
        // the hangover: the first 200 ms of silence are still sent (packets 0..9)
        for (int packet = 0; packet <= 9; packet++) {
            assertEquals(Decision.SEND, decisions.get(packet), "packet " + packet);
        }
        assertEquals(Decision.SKIP, decisions.get(10));
        assertEquals(Decision.SEND, decisions.get(29), "400 ms after the last packet sent: a refresh");
        long sent = decisions.stream().filter(d -> d != Decision.SKIP).count();
        assertEquals(11, sent, "the hangover's 10 packets and one refresh: " + decisions);

        assertEquals(Decision.SEND_TALKSPURT_START, packet(dtx, VoiceActivity.ACTIVE, true));
        assertEquals(Decision.SEND, packet(dtx, VoiceActivity.ACTIVE, true));
    }

    @Test
    void framesNobodyLookedAtAreAlwaysSent() {
        DiscontinuousTransmission dtx = new DiscontinuousTransmission();
        for (int packet = 0; packet < 50; packet++) {
            assertEquals(Decision.SEND, packet(dtx, VoiceActivity.UNKNOWN, true));
        }
    }

    @Test
    void withoutUsedtxEverythingIsSent() {
        DiscontinuousTransmission dtx = new DiscontinuousTransmission();
        for (int packet = 0; packet < 50; packet++) {
            assertEquals(Decision.SEND, packet(dtx, VoiceActivity.INACTIVE, false));
        }
    }

    @Test
    void aSpeechFrameInThePacketEndsTheSilence() {
        DiscontinuousTransmission dtx = new DiscontinuousTransmission();
        for (int packet = 0; packet < 20; packet++) {
            packet(dtx, VoiceActivity.INACTIVE, true);
        }
        dtx.add(frame(VoiceActivity.INACTIVE));
        dtx.add(frame(VoiceActivity.ACTIVE));
        assertEquals(Decision.SEND_TALKSPURT_START, dtx.decide(true, PACKET));
    }

    private static Decision packet(DiscontinuousTransmission dtx, VoiceActivity activity, boolean usedtx) {
        dtx.add(frame(activity));
        dtx.add(frame(activity));
        return dtx.decide(usedtx, PACKET);
    }

    private static AudioFrame frame(VoiceActivity activity) {
        return AudioFrame.silence(48_000, 1, 480, 0).withVoiceActivity(activity);
    }
}
