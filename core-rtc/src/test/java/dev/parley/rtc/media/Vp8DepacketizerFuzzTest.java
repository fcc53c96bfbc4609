package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * VP8 depacketizing on arbitrary payloads ({@link FuzzPackets}): either a frame (complete or
 * incomplete) or a {@link PayloadParseException}; a complete frame packetizes and depacketizes
 * back to the same data. Seeds: {@code Vp8DepacketizerFuzzTestInputs/fuzz/}.
 */
class Vp8DepacketizerFuzzTest {
    private final Vp8Depacketizer depacketizer = new Vp8Depacketizer();

    @FuzzTest
    void fuzz(byte[] data) throws PayloadParseException {
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
        assertTrue(frame.data().length > 0);
        List<byte[]> again = new Vp8Packetizer(200, 5).packetize(
                new EncodedVideoFrame(frame.data(), frame.keyFrame(), 3000, 16, 16, 0));
        List<RtpPacket> repacked = new ArrayList<>();
        for (int i = 0; i < again.size(); i++) {
            repacked.add(RtpPacket.builder().payloadType(96).sequenceNumber(i).timestamp(3000).ssrc(1)
                    .marker(i == again.size() - 1).payload(again.get(i)).build());
        }
        DepacketizedFrame back = depacketizer.depacketize(repacked); // must not throw: it is our own output
        assertArrayEquals(frame.data(), back.data());
        assertEquals(frame.keyFrame(), back.keyFrame());
    }
}
