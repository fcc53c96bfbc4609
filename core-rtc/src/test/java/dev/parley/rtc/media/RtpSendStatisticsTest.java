package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

/** Send counters (W3C outbound-rtp, RFC 3550 SR) and the SR's RTP timestamp extrapolation. */
class RtpSendStatisticsTest {
    private static final long MS = 1_000_000L;

    private static RtpPacket packet(long timestamp, int payload, int padding) {
        return RtpPacket.builder().ssrc(1).timestamp(timestamp).payload(new byte[payload]).paddingLength(padding).build();
    }

    @Test
    void countsPayloadAsBytesAndHeaderPlusPaddingAsHeaderBytes() {
        RtpSendStatistics stats = new RtpSendStatistics(90000);
        assertFalse(stats.hasSent());

        stats.onPacketSent(packet(0, 100, 0), 5 * MS);
        stats.onPacketSent(packet(0, 50, 4), 6 * MS);
        stats.onPacketSent(packet(3000, 10, 0).withExtensionElement(1, new byte[] {1}), 7 * MS);

        assertTrue(stats.hasSent());
        assertEquals(3, stats.packetsSent());
        assertEquals(160, stats.bytesSent());
        assertEquals(12 + (12 + 4) + (12 + 8), stats.headerBytesSent(), "fixed headers, padding, one extension word");
        assertEquals(7 * MS, stats.lastPacketSentNanos());
    }

    @Test
    void rtpTimestampIsExtrapolatedFromTheFirstPacketOfTheNewestFrame() {
        RtpSendStatistics stats = new RtpSendStatistics(90000);
        stats.onPacketSent(packet(1000, 1, 0), 100 * MS);
        stats.onPacketSent(packet(1000, 1, 0), 115 * MS); // same frame, paced out later

        assertEquals(1000 + 90, stats.rtpTimestampAt(101 * MS));
        assertEquals(1000 + 90_000, stats.rtpTimestampAt(1100 * MS));

        stats.onPacketSent(packet(4000, 1, 0), 140 * MS);
        stats.onPacketSent(packet(1000, 1, 0), 150 * MS); // a retransmission of the old frame
        assertEquals(4000 + 900, stats.rtpTimestampAt(150 * MS));
    }

    @Test
    void extrapolationWrapsAt2To32AndSurvivesLongGaps() {
        RtpSendStatistics stats = new RtpSendStatistics(48000);
        stats.onPacketSent(packet(0xFFFF_FF00L, 1, 0), 0);
        assertEquals((0xFFFF_FF00L + 480) & 0xFFFF_FFFFL, stats.rtpTimestampAt(10 * MS));
        stats.onPacketSent(packet(0x10, 1, 0), 20 * MS); // after the wrap: still newer
        assertEquals(0x10 + 48, stats.rtpTimestampAt(21 * MS));
        long tenDays = 10L * 86_400 * 1_000_000_000L;
        assertEquals((0x10 + 10L * 86_400 * 48000) & 0xFFFF_FFFFL, stats.rtpTimestampAt(20 * MS + tenDays));
    }

    @Test
    void aFramesCaptureTime_whenGiven_isTheReference_notItsSendTime() {
        RtpSendStatistics stats = new RtpSendStatistics(90000);
        stats.onFrameCaptured(1000, 80 * MS); // encoded and paced: it leaves 20 ms after capture
        stats.onPacketSent(packet(1000, 1, 0), 100 * MS);
        assertEquals(1000 + 90 * 21, stats.rtpTimestampAt(101 * MS), "21 ms after capture");
        stats.onPacketSent(packet(4000, 1, 0), 140 * MS); // a frame whose capture nobody told
        assertEquals(4000 + 90, stats.rtpTimestampAt(141 * MS), "without it, from the send time as before");
    }
}
