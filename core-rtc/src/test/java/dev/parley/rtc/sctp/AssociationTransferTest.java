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
        Traffic aToB = new Traffic(pair.a, pair.b, 1, COUNT, 1, 256 * KIB, false, 4L << 20, List.of(channel));
        Traffic bToA = new Traffic(pair.b, pair.a, 2, COUNT, 1, 256 * KIB, false, 4L << 20, List.of(channel));
        aToB.start();
        bToA.start();

        assertTrue(pair.runUntil(() -> aToB.reliableDone() && bToA.reliableDone(), Duration.ofHours(24)),
                pair::toString);

        double seconds = (pair.clock.nanoTime() - start) / 1e9;
        System.out.printf("SCTP association, %d messages each way of 1 B..256 KiB (uniform), 5%% loss, 20 ms + 0..10 ms:"
                        + " %.1f s virtual; A->B %d bytes, %.2f Mbit/s; B->A %d bytes, %.2f Mbit/s;"
                        + " largest %d / %d%n",
                COUNT, seconds, aToB.bytesDelivered,
                aToB.bytesDelivered * 8 / seconds / 1e6, bToA.bytesDelivered, bToA.bytesDelivered * 8 / seconds / 1e6,
                aToB.largestSent, bToA.largestSent);
        printCounters(pair);
        Traffic.assertAllDelivered(aToB);
        Traffic.assertAllDelivered(bToA);
        assertEquals(1, aToB.smallestSent);
        assertEquals(256 * KIB, aToB.largestSent);
        assertEquals(1, bToA.smallestSent);
        assertEquals(256 * KIB, bToA.largestSent);
        pair.run(Duration.ofSeconds(5));
        assertTrue(pair.quiet(), pair::toString);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    /**
     * Six streams, ordered and unordered mixed (the lowest and highest stream ids among them), both
     * ways, messages log-uniform from 1 B to 256 KiB, on a 2 Mbit/s bottleneck with a 16 KiB drop-tail
     * queue on top of 2% random loss and reordering: fragments of messages on different streams
     * interleave by message in TSN order, unordered ones overtake, and all arrive once and intact.
     */
    @Test
    void randomSizesOnSixStreamsMixedOrderedAndUnorderedBothWaysThroughABottleneck() {
        AssociationPair pair = new AssociationPair(99).withConditions(AssociationPair.lossy(0.02));
        pair.aToB.setBottleneck(2_000_000, 16 * KIB);
        pair.bToA.setBottleneck(2_000_000, 16 * KIB);
        pair.establish();
        List<Channel> channels = List.of(new Channel(0, false, Reliability.reliable()),
                new Channel(1, true, Reliability.reliable()), new Channel(2, false, Reliability.reliable()),
                new Channel(7, true, Reliability.reliable()), new Channel(1000, false, Reliability.reliable()),
                new Channel(65534, true, Reliability.reliable()));
        Traffic aToB = new Traffic(pair.a, pair.b, 5, 3000, 1, 256 * KIB, true, 2L << 20, channels).start();
        Traffic bToA = new Traffic(pair.b, pair.a, 6, 3000, 1, 256 * KIB, true, 2L << 20, channels).start();

        assertTrue(pair.runUntil(() -> aToB.reliableDone() && bToA.reliableDone(), Duration.ofHours(12)),
                pair::toString);

        System.out.printf("SCTP association, 3000 messages each way on 6 streams, 1 B..256 KiB log-uniform, 2%% loss,"
                + " 2 Mbit/s bottleneck: %.1f s virtual, %d + %d bytes%n", pair.clock.elapsed().toMillis() / 1000.0,
                aToB.bytesDelivered, bToA.bytesDelivered);
        printCounters(pair);
        Traffic.assertAllDelivered(aToB);
        Traffic.assertAllDelivered(bToA);
        for (Channel c : channels) {
            assertTrue(aToB.sent(c) > 400 && bToA.sent(c) > 400, "every stream carried its share");
        }
        assertTrue(pair.aToB.queueDrops > 0 && pair.bToA.queueDrops > 0, "the bottleneck's queue overflowed");
        pair.run(Duration.ofSeconds(5));
        assertTrue(pair.quiet(), pair::toString);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    /** 10,000; -Dsctp.transfer.count=N for a quicker look. */
    private static final int COUNT = Integer.getInteger("sctp.transfer.count", 10_000);

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
