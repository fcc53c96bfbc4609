package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.AssociationPair.assertEstablished;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.sctp.Traffic.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receive window (RFC 9260 §6.2): the a_rwnd a receiver advertises is its buffer less what it
 * holds for reassembly. Delivery to the application is synchronous, so only fragments waiting for
 * the rest of their message (or for an earlier message of their stream) take room.
 */
class AssociationReceiveWindowTest {
    private static final LinkConditions CLEAN_20MS = new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0);

    @Test
    void theAdvertisedWindowFallsWhileFragmentsWaitForTheFirstOneAndComesBackAfter() {
        AssociationPair pair = new AssociationPair(401).withConditions(CLEAN_20MS).establish();
        long window = SctpSettings.defaults().receiveWindow();
        List<Long> advertised = new ArrayList<>();
        pair.bToA.setObserver(p -> p.chunks().stream().filter(SackChunk.class::isInstance)
                .forEach(s -> advertised.add(((SackChunk) s).receiverWindow())));
        pair.aToB.dropNext(LossyWire.with(DataChunk.class), 1); // the first fragment
        byte[] message = Traffic.payload(9, 1, 0, 256 * 1024);
        pair.a.association.send(1, 0, message, false, Reliability.reliable());

        assertTrue(pair.runUntil(() -> pair.b.messages.size() == 1 && pair.quiet(), Duration.ofSeconds(30)),
                pair::toString);

        assertArrayEquals(message, pair.b.messages.get(0).payload());
        int lowest = advertised.indexOf(advertised.stream().min(Long::compare).orElseThrow());
        for (int i = 1; i <= lowest; i++) {
            assertTrue(advertised.get(i) <= advertised.get(i - 1), "falls while the fragments pile up: " + advertised);
        }
        assertTrue(advertised.get(lowest) <= window - 200 * 1024,
                "most of the message was held: " + advertised.get(lowest) + " of " + window);
        assertEquals(window, advertised.get(advertised.size() - 1), "all room again once delivered");
        assertEquals(0, pair.b.data().reassembler.bufferedBytes());
    }

    /**
     * A receive window smaller than one message: the receiver takes the chunk that advances its
     * cumulative ack even with no room (§6.2), the sender probes a closed window one chunk at a time
     * (§6.1 rule A), and under loss the messages still arrive whole.
     */
    @Test
    void messagesLargerThanTheReceiversWholeWindowStillArriveUnderLoss() {
        int window = 8 * SctpSettings.DEFAULT_MAX_PACKET_SIZE;
        AssociationPair pair = new AssociationPair(403, SctpSettings.defaults(),
                AssociationPair.withReceiveWindow(window)).withConditions(AssociationPair.lossy(0.05)).establish();
        Channel channel = new Channel(2, false, Reliability.reliable());
        Traffic traffic = new Traffic(pair.a, pair.b, 4, 6, 60_000, 256 * 1024, false, Long.MAX_VALUE,
                List.of(channel)).start();

        assertTrue(pair.runUntil(traffic::reliableDone, Duration.ofHours(1)), pair::toString);
        Traffic.assertAllDelivered(traffic);
        System.out.printf("SCTP, a_rwnd %d bytes, 6 messages of 60..256 KiB under 5%% loss: %.1f s virtual%n", window,
                pair.clock.elapsed().toMillis() / 1000.0);
        AssociationTransferTest.printCounters(pair);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }
}
