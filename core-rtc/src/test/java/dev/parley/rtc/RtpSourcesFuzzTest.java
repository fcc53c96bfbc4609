package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseException;
import java.time.Instant;

/**
 * Arbitrary bytes as a received RTP packet whose ids 1 and 2 are ssrc- and csrc-audio-level: the
 * source lists hold the packet's SSRC and at most its CSRCs, every level within 0..1, and a bad
 * element is counted, never thrown. Seeds: {@code RtpSourcesFuzzTestInputs/fuzz/}.
 */
class RtpSourcesFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(data);
        } catch (RtpParseException expected) {
            return;
        }
        RtpSources sources = new RtpSources(0, Instant.EPOCH);
        sources.record(packet, 1, 2, 1);
        var ssrcs = sources.synchronizationSources(2);
        assertTrue(ssrcs.size() == 1 && ssrcs.get(0).source() == packet.ssrc(), ssrcs.toString());
        var csrcs = sources.contributingSources(2);
        assertTrue(csrcs.size() <= packet.csrcCount(), csrcs.toString());
        ssrcs.forEach(s -> s.audioLevel().ifPresent(l -> assertTrue(l >= 0 && l <= 1, s.toString())));
        csrcs.forEach(s -> s.audioLevel().ifPresent(l -> assertTrue(l >= 0 && l <= 1, s.toString())));
        assertTrue(sources.malformedLevels() <= 2);
    }
}
