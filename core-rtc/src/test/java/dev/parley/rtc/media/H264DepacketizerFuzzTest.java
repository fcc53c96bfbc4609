package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.List;

/**
 * H.264 depacketizing on arbitrary payloads ({@link FuzzPackets}): either an access unit
 * (complete or incomplete) or a {@link PayloadParseException}; a complete one is an Annex B stream
 * whose first bytes are a start code. Seeds: {@code H264DepacketizerFuzzTestInputs/fuzz/}.
 */
class H264DepacketizerFuzzTest {
    private final H264Depacketizer depacketizer = new H264Depacketizer();

    @FuzzTest
    void fuzz(byte[] data) {
        List<RtpPacket> packets = FuzzPackets.of(data);
        for (RtpPacket p : packets) {
            try {
                depacketizer.startsFrame(p);
            } catch (PayloadParseException expected) {
                // counted and dropped by a receiver
            }
        }
        DepacketizedFrame frame;
        try {
            frame = depacketizer.depacketize(packets);
        } catch (PayloadParseException expected) {
            return;
        }
        if (!frame.complete()) {
            assertEquals(0, frame.data().length);
            return;
        }
        byte[] out = frame.data();
        assertTrue(out.length > 4);
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
        assertEquals(0, out[2]);
        assertEquals(1, out[3]);
    }
}
