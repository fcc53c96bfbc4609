package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.AssociationPair.assertEstablished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sctp.Traffic.Channel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk transfer between two associations over a lossy, reordering wire: every message arrives
 * once, intact, and in order where ordered; the association ends established and idle.
 */
class AssociationTransferTest {
    private static final int KIB = 1024;

    /**
     * The acceptance item: 10,000 messages of random sizes (1 byte to 256 KiB) arrive
     * intact and in order on a reliable ordered channel under 5% loss and reordering — here both
     * ways at once.
     */
    @Test
    void tenThousandMessagesOfRandomSizesArriveIntactAndInOrderBothWaysUnderFivePercentLoss() {
        AssociationPair pair = new AssociationPair(2024).withConditions(AssociationPair.lossy(0.05)).establish();
        Channel channel = new Channel(1, false, Reliability.reliable());
        long start = pair.clock.nanoTime();
        Traffic aToB = new Traffic(pair.a, pair.b, 1, COUNT, 1, 256 * KIB, LOG_UNIFORM, 8L << 20, List.of(channel));
        Traffic bToA = new Traffic(pair.b, pair.a, 2, COUNT, 1, 256 * KIB, LOG_UNIFORM, 8L << 20, List.of(channel));
        aToB.start();
        bToA.start();

        assertTrue(pair.runUntil(() -> aToB.reliableDone() && bToA.reliableDone(), Duration.ofHours(24)),
                pair::toString);

        double seconds = (pair.clock.nanoTime() - start) / 1e9;
        System.out.printf("SCTP association, %d messages each way of 1 B..256 KiB (%s), 5%% loss, 20 ms + 0..10 ms:"
                        + " %.1f s virtual; A->B %d bytes, %.2f Mbit/s; B->A %d bytes, %.2f Mbit/s;"
                        + " largest %d / %d%n",
                COUNT, LOG_UNIFORM ? "log-uniform" : "uniform", seconds, aToB.bytesDelivered,
                aToB.bytesDelivered * 8 / seconds / 1e6, bToA.bytesDelivered, bToA.bytesDelivered * 8 / seconds / 1e6,
                aToB.largestSent, bToA.largestSent);
        printCounters(pair);
        Traffic.assertAllDelivered(aToB);
        Traffic.assertAllDelivered(bToA);
        assertEquals(1, aToB.smallestSent);
        assertEquals(256 * KIB, aToB.largestSent);
        pair.run(Duration.ofSeconds(5));
        assertTrue(pair.quiet(), pair::toString);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    private static final int COUNT = Integer.getInteger("sctp.transfer.count", 10_000);
    private static final boolean LOG_UNIFORM = Boolean.parseBoolean(System.getProperty("sctp.transfer.log", "false"));

    static void printCounters(AssociationPair pair) {
        for (Endpoint e : List.of(pair.a, pair.b)) {
            RetransmissionQueue rq = e.data().retransmissions;
            System.out.printf("  %s: %d chunks retransmitted, %d T3 expiries, %d fast retransmits (%d recoveries),"
                            + " %d messages abandoned; %s%n",
                    e.name, rq.chunksRetransmitted(), e.association.counters().t3Expiries(),
                    rq.congestionControl().fastRetransmits(), rq.congestionControl().fastRecoveries(),
                    rq.messagesAbandoned(), e.association.counters());
        }
        System.out.printf("  wire A->B %s; B->A %s%n", pair.aToB, pair.bToA);
    }
}
