package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendQueueTest {
    private static final long MS = 1_000_000L;
    private final List<Integer> lows = new ArrayList<>();
    private final SendQueue queue = new SendQueue(100, lows::add);

    @Test
    void cutsAMessageIntoFragmentsOfAtMostMaxDataPayloadWithBeginningAndEndingFlags() {
        byte[] payload = bytes(250, 7);
        queue.enqueue(3, 53, payload, false, Reliability.reliable(), 0);
        List<SendQueue.Fragment> fragments = drain(1000);
        assertEquals(List.of(100, 100, 50), fragments.stream().map(f -> f.data().length).toList());
        assertEquals(List.of(true, false, false), fragments.stream().map(SendQueue.Fragment::beginning).toList());
        assertEquals(List.of(false, false, true), fragments.stream().map(SendQueue.Fragment::ending).toList());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        fragments.forEach(f -> joined.writeBytes(f.data()));
        assertArrayEquals(payload, joined.toByteArray());
        assertEquals(53, fragments.get(0).message().ppid);
        assertTrue(queue.isEmpty());
    }

    @Test
    void aSmallMessageIsOneFragmentWithBothFlagsAndAFragmentFitsTheRoomGiven() {
        queue.enqueue(0, 51, bytes(40, 1), false, Reliability.reliable(), 0);
        SendQueue.Fragment only = queue.nextFragment(0, 60);
        assertTrue(only.beginning() && only.ending());
        SendQueue big = new SendQueue(1000, id -> { });
        big.enqueue(0, 51, bytes(3000, 1), false, Reliability.reliable(), 0);
        assertEquals(300, big.nextFragment(0, 300).data().length); // the room, not maxDataPayload
        assertEquals(1000, big.nextFragment(0, 5000).data().length);
    }

    @Test
    void doesNotCutATinyFragmentToFillTheEndOfAPacket() {
        SendQueue big = new SendQueue(1000, id -> { });
        big.enqueue(0, 51, bytes(2000, 1), false, Reliability.reliable(), 0);
        assertNull(big.nextFragment(0, 100)); // 100 < min(256, 1000) and < 2000 left
        big.enqueue(1, 51, bytes(80, 1), false, Reliability.reliable(), 0);
        assertNull(big.nextFragment(0, 100)); // the round robin starts at stream 0, which waits
        assertEquals(1000, big.nextFragment(0, 1000).data().length);
    }

    @Test
    void orderedMessagesGetConsecutiveSsnsPerStreamAndUnorderedOnesZero() {
        queue.enqueue(1, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        queue.enqueue(1, 51, bytes(10, 0), true, Reliability.reliable(), 0);
        queue.enqueue(1, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        queue.enqueue(2, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        List<SendQueue.Fragment> fragments = drain(1000);
        assertEquals(List.of("1:0", "2:0", "1:0u", "1:1"), fragments.stream()
                .map(f -> f.message().streamId + ":" + f.message().ssn + (f.message().unordered ? "u" : ""))
                .toList());
    }

    @Test
    void streamsTakeTurnsMessageByMessageAndAStartedMessageFinishesFirst() {
        queue.enqueue(5, 51, bytes(250, 0), false, Reliability.reliable(), 0);
        queue.enqueue(5, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        queue.enqueue(2, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        queue.enqueue(2, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        queue.enqueue(9, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        List<String> order = drain(1000).stream()
                .map(f -> f.message().streamId + "/" + f.message().ssn).toList();
        assertEquals(List.of("2/0", "5/0", "5/0", "5/0", "9/0", "2/1", "5/1"), order);
    }

    @Test
    void bufferedAmountCountsBytesNotYetHandedToTheNetworkAndFiresLowOnCrossingTheThreshold() {
        queue.setBufferedAmountLowThreshold(4, 120);
        queue.enqueue(4, 53, bytes(250, 0), false, Reliability.reliable(), 0);
        assertEquals(250, queue.bufferedAmount(4));
        assertEquals(250, queue.totalBufferedAmount());
        queue.nextFragment(0, 1000);
        assertEquals(150, queue.bufferedAmount(4));
        assertEquals(List.of(), lows);
        queue.nextFragment(0, 1000);
        assertEquals(50, queue.bufferedAmount(4));
        assertEquals(List.of(4), lows); // 150 -> 50 crosses 120
        queue.nextFragment(0, 1000);
        assertEquals(0, queue.bufferedAmount(4));
        assertEquals(List.of(4), lows); // already below: no second event
        assertEquals(0, queue.totalBufferedAmount());
    }

    @Test
    void theLowListenerMayQueueMoreFromInsideTheCall() {
        SendQueue[] self = new SendQueue[1];
        List<Integer> calls = new ArrayList<>();
        self[0] = new SendQueue(100, id -> {
            calls.add(id);
            if (calls.size() < 3) {
                self[0].enqueue(id, 53, bytes(100, 0), false, Reliability.reliable(), 0);
            }
        });
        self[0].enqueue(0, 53, bytes(100, 0), false, Reliability.reliable(), 0);
        int fragments = 0;
        while (self[0].nextFragment(0, 1000) != null) {
            fragments++;
        }
        assertEquals(3, fragments);
        assertEquals(List.of(0, 0, 0), calls);
    }

    @Test
    void aMessageWhoseLifetimePassedBeforeItWasSentIsDroppedWithoutUsingAnSsn() {
        queue.enqueue(1, 51, bytes(30, 0), false, Reliability.maxLifetime(Duration.ofMillis(100)), 0);
        queue.enqueue(1, 51, bytes(20, 0), false, Reliability.reliable(), 10 * MS);
        assertEquals(50, queue.bufferedAmount(1));
        assertEquals(1, queue.dropExpired(100 * MS));
        assertEquals(20, queue.bufferedAmount(1));
        assertEquals(List.of(), lows); // 50 -> 20 does not reach the threshold 0
        SendQueue.Fragment next = queue.nextFragment(100 * MS, 1000);
        assertEquals(20, next.data().length);
        assertEquals(0, next.message().ssn);
        assertEquals(1, queue.messagesDropped());
    }

    @Test
    void nextFragmentDropsExpiredMessagesItself() {
        queue.enqueue(1, 51, bytes(30, 0), true, Reliability.maxLifetime(Duration.ofMillis(5)), 0);
        assertNull(queue.nextFragment(6 * MS, 1000));
        assertEquals(0, queue.bufferedAmount(1));
        assertTrue(queue.isEmpty());
        assertEquals(List.of(1), lows);
    }

    @Test
    void discardingAStartedMessageReleasesItsUnsentBytes() {
        queue.enqueue(1, 51, bytes(250, 0), false, Reliability.maxRetransmits(0), 0);
        SendQueue.Fragment first = queue.nextFragment(0, 1000);
        assertEquals(first.message(), queue.inProgress());
        queue.discard(first.message());
        assertNull(queue.inProgress());
        assertEquals(0, queue.bufferedAmount(1));
        assertTrue(queue.isEmpty());
    }

    @Test
    void resetRestartsTheSsnsOfTheGivenStreamsAtZero() {
        for (int i = 0; i < 3; i++) {
            queue.enqueue(1, 51, bytes(10, 0), false, Reliability.reliable(), 0);
            queue.enqueue(2, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        }
        drain(1000);
        assertEquals(3, queue.nextSsn(1));
        assertFalse(queue.hasQueued(1));
        queue.resetStreamSsn(Set.of(1));
        assertEquals(0, queue.nextSsn(1));
        assertEquals(3, queue.nextSsn(2));
        queue.enqueue(1, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        assertTrue(queue.hasQueued(1));
        assertEquals(0, queue.nextFragment(0, 1000).message().ssn);
    }

    @Test
    void ssnsWrapAt65536() {
        SendQueue q = new SendQueue(100, id -> { });
        for (int i = 0; i < 65_537; i++) {
            q.enqueue(0, 51, bytes(1, 0), false, Reliability.reliable(), 0);
        }
        int last = -1;
        for (int i = 0; i < 65_537; i++) {
            last = q.nextFragment(0, 100).message().ssn;
        }
        assertEquals(0, last);
    }

    @Test
    void rejectsEmptyMessagesAndBadStreamIds() {
        assertThrows(IllegalArgumentException.class,
                () -> queue.enqueue(0, 56, new byte[0], false, Reliability.reliable(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> queue.enqueue(65_536, 51, bytes(1, 0), false, Reliability.reliable(), 0));
    }

    private List<SendQueue.Fragment> drain(int room) {
        List<SendQueue.Fragment> out = new ArrayList<>();
        for (SendQueue.Fragment f; (f = queue.nextFragment(0, room)) != null; ) {
            out.add(f);
        }
        return out;
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
