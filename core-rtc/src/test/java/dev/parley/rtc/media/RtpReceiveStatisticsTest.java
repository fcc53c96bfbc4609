package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SenderReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sequence tracking and loss (RFC 3550 A.1, A.3) against hand-worked sequences, and the report
 * block made from them. Jitter has its own test class.
 */
class RtpReceiveStatisticsTest {
    private static final long SSRC = 0x1122_3344L;
    private static final long MS = 1_000_000L;

    private final RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, 8000);
    private long now;

    private static RtpPacket packet(int seq) {
        return RtpPacket.builder().ssrc(SSRC).sequenceNumber(seq & 0xFFFF).timestamp(160L * seq & 0xFFFF_FFFFL)
                .payload(new byte[20]).build();
    }

    /** Receives the sequence numbers 20 ms apart; returns how many A.1 took as valid. */
    private int receive(int... seqs) {
        int valid = 0;
        for (int seq : seqs) {
            now += 20 * MS;
            valid += stats.onRtp(packet(seq), now) ? 1 : 0;
        }
        return valid;
    }

    private static int[] range(int from, int toInclusive) {
        int[] seqs = new int[toInclusive - from + 1];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = from + i;
        }
        return seqs;
    }

    @Test
    void inOrderWithoutLoss() {
        assertEquals(10, receive(range(100, 109)));

        ReportBlock block = stats.reportBlock(now);
        assertEquals(SSRC, block.ssrc());
        assertEquals(0, block.fractionLost());
        assertEquals(0, block.cumulativeLost());
        assertEquals(109, block.extendedHighestSequence());
        assertEquals(10, stats.packetsReceived());
        assertEquals(200, stats.bytesReceived());
        assertEquals(120, stats.headerBytesReceived());
        assertEquals(now, stats.lastPacketReceivedNanos());
    }

    @Test
    void wrapAt65535CountsACycle() {
        receive(65533, 65534, 65535, 0, 1);

        // cycles = 65536, max_seq = 1: extended 65537; expected 65537 - 65533 + 1 = 5.
        assertEquals(65537, stats.extendedHighestSequence());
        assertEquals(0, stats.packetsLost());
        assertEquals(0x0001_0001L, stats.reportBlock(now).extendedHighestSequence());
    }

    @Test
    void aReorderedPacketIsLostInOneIntervalAndFoundInTheNext() {
        receive(1, 2, 4);
        ReportBlock first = stats.reportBlock(now);
        // expected 4 - 1 + 1 = 4, received 3: one lost, fraction 1/4 = 64/256.
        assertEquals(64, first.fractionLost());
        assertEquals(1, first.cumulativeLost());

        receive(3, 5);
        ReportBlock second = stats.reportBlock(now);
        // interval: expected 5 - 4 = 1, received 2: nothing lost (negative is reported as 0).
        assertEquals(0, second.fractionLost());
        assertEquals(0, second.cumulativeLost());
        assertEquals(5, second.extendedHighestSequence());
        assertEquals(5, stats.packetsReceived());
    }

    @Test
    void aReorderAcrossTheWrapDoesNotCountASecondCycle() {
        receive(65534, 0, 65535, 1);
        assertEquals(65537, stats.extendedHighestSequence());
        assertEquals(0, stats.packetsLost());
    }

    @Test
    void duplicatesCountAsReceivedSoLossGoesNegative() {
        receive(10, 11, 12, 12, 12);

        // expected 3, received 5 (RFC 3550 §6.4.1: "may be negative").
        assertEquals(-2, stats.packetsLost());
        ReportBlock block = stats.reportBlock(now);
        assertEquals(-2, block.cumulativeLost());
        assertEquals(0, block.fractionLost());
        assertEquals(5, stats.packetsReceived());
    }

    @Test
    void aLostBurst() {
        receive(range(1, 10));
        receive(range(21, 30));

        // expected 30, received 20: 10 lost, fraction (10 << 8) / 30 = 85.
        ReportBlock block = stats.reportBlock(now);
        assertEquals(10, block.cumulativeLost());
        assertEquals(85, block.fractionLost());
        assertEquals(10, stats.packetsLost());
    }

    @Test
    void aSilentIntervalReportsNoFractionLost() {
        receive(1, 3);
        assertEquals(85, stats.reportBlock(now).fractionLost(), "1 of 3 lost: 256 / 3");
        ReportBlock quiet = stats.reportBlock(now + 1000 * MS);
        assertEquals(0, quiet.fractionLost());
        assertEquals(1, quiet.cumulativeLost());
    }

    @Test
    void twoSequentialPacketsAfterABigJumpRestartTheCounts() {
        receive(range(1000, 1004));
        assertEquals(0, receive(9000), "a jump of 7996 (> MAX_DROPOUT 3000) alone is not believed");
        assertEquals(2, receive(9001, 9002));

        // init_seq(9001): base 9001, max 9002 → expected 2, received 2.
        assertEquals(1, stats.restarts());
        assertEquals(9002, stats.extendedHighestSequence());
        assertEquals(0, stats.packetsLost());
        assertEquals(7, stats.packetsReceived(), "W3C packetsReceived goes on across the restart");
        assertEquals(1, stats.packetsRejected());
        ReportBlock block = stats.reportBlock(now);
        assertEquals(0, block.cumulativeLost());
        assertEquals(0, block.fractionLost());
    }

    @Test
    void aStrayJumpIsDroppedAndTheStreamGoesOn() {
        receive(1, 2, 3);
        assertEquals(0, receive(40000));
        receive(4, 5);

        assertEquals(5, stats.extendedHighestSequence());
        assertEquals(0, stats.packetsLost());
        assertEquals(0, stats.restarts());
        assertEquals(1, stats.packetsRejected());
    }

    @Test
    void aPacketUpTo100BehindIsLateButFurtherBehindIsAJump() {
        receive(range(1000, 1200));
        assertEquals(1, receive(1150), "50 behind: a late duplicate, counted");
        assertEquals(0, receive(1050), "150 behind (> MAX_MISORDER 100): a jump, dropped");
        assertEquals(1200, stats.extendedHighestSequence());
        assertEquals(-1, stats.packetsLost());
    }

    @Test
    void withTheRfcsProbationTheFirstPacketOnlyValidatesTheSource() {
        RtpReceiveStatistics rfc = new RtpReceiveStatistics(SSRC, 8000, 2);
        assertFalse(rfc.onRtp(packet(10), 1));
        assertFalse(rfc.hasReceived());
        assertTrue(rfc.onRtp(packet(11), 2));
        assertTrue(rfc.onRtp(packet(12), 3));

        // A.1: the second packet calls init_seq, so the base is 11: expected 2, received 2.
        assertEquals(2, rfc.packetsReceived());
        assertEquals(1, rfc.packetsRejected());
        assertEquals(0, rfc.packetsLost());
        assertEquals(12, rfc.reportBlock(4).extendedHighestSequence());
    }

    @Test
    void probationStartsOverWhenTheSequenceBreaks() {
        RtpReceiveStatistics rfc = new RtpReceiveStatistics(SSRC, 8000, 2);
        assertFalse(rfc.onRtp(packet(10), 1));
        assertFalse(rfc.onRtp(packet(20), 2));
        assertTrue(rfc.onRtp(packet(21), 3));
        assertEquals(1, rfc.packetsReceived());
        assertEquals(2, rfc.packetsRejected());
        assertEquals(0, rfc.packetsLost());
    }

    @Test
    void cumulativeLossIsClampedTo24BitsInTheBlockButNotInTheStats() {
        int seq = 0;
        receive(seq);
        for (int i = 0; i < 3000; i++) {
            seq += 2999; // 2998 lost each step, every step under MAX_DROPOUT
            receive(seq);
        }
        long lost = 3000L * 2998;
        assertEquals(lost, stats.packetsLost());
        ReportBlock block = stats.reportBlock(now);
        assertEquals((1 << 23) - 1, block.cumulativeLost());
        assertEquals(3000L * 2999, block.extendedHighestSequence(), "137 cycles of 2^16 and the rest");
        assertEquals(255, block.fractionLost(), "2998/2999 of 256 is 255.9: rounded down");
    }

    @Test
    void negativeCumulativeLossIsClampedTo24BitsToo() {
        RtpPacket duplicate = packet(7);
        for (int i = 0; i < (1 << 23) + 10; i++) {
            stats.onRtp(duplicate, i);
        }
        assertEquals(-(1L << 23) - 9, stats.packetsLost());
        assertEquals(-(1 << 23), stats.reportBlock(0).cumulativeLost());
    }

    @Test
    void lsrAndDlsrComeFromThePeersLastSenderReport() {
        receive(1, 2);
        ReportBlock before = stats.reportBlock(now);
        assertEquals(0, before.lastSenderReport());
        assertEquals(0, before.delaySinceLastSenderReport());

        stats.onSenderReport(new SenderReport(SSRC, 0x0123_4567_89AB_CDEFL, 5, 2, 40, List.of()), 1000 * MS);
        ReportBlock after = stats.reportBlock(1500 * MS);

        assertEquals(0x4567_89ABL, after.lastSenderReport());
        assertEquals(32768, after.delaySinceLastSenderReport(), "0.5 s in 1/65536 s");
        assertEquals(1, stats.senderReportsReceived());
        assertEquals(2, stats.lastSenderReport().packetCount());
    }

    @Test
    void nothingToReportBeforeAValidPacket() {
        assertThrows(IllegalStateException.class, () -> stats.reportBlock(0));
        assertEquals(0, stats.packetsLost());
    }

    @Test
    void anotherSourcesPacketOrReportIsAProgrammingError() {
        RtpPacket other = RtpPacket.builder().ssrc(SSRC + 1).build();
        assertThrows(IllegalArgumentException.class, () -> stats.onRtp(other, 0));
        assertThrows(IllegalArgumentException.class,
                () -> stats.onSenderReport(new SenderReport(SSRC + 1, 0, 0, 0, 0, List.of()), 0));
    }
}
