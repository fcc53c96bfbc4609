package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sctp.ForwardTsnChunk.SkippedStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The receive side as the association will drive it — {@link ReceivedTsns} filters, then
 * {@link StreamReassembler} reassembles — fed random messages fragmented as a sender would
 * (RFC 9260 §6.9), with TSNs crossing 2^32, delivered in random order with duplicates.
 * Every run prints its seed when it fails; fixed seeds plus one fresh one per run.
 */
class StreamReassemblerPropertyTest {
    private static final long TOP = 0xFFFF_FFFFL;
    private static final int MAX_MESSAGE = 256 * 1024;
    private static final int MAX_FRAGMENT = 1184;
    private static final int STREAMS = 6;

    /** A message as sent, with its fragments. The ppid is the message's index, to identify it. */
    private record Sent(int index, int streamId, int ssn, boolean unordered, byte[] payload, List<DataChunk> chunks) {}

    /**
     * Fixed seeds, then found ones kept as regression cases, then a fresh one. 22810312545538: the
     * first TSN arrives among the last chunks, so no FORWARD TSN can come before the final one.
     */
    private static long[] seeds() {
        return new long[] {1, 7, 2024, 0xC0FFEE, 22810312545538L, System.nanoTime()};
    }

    @Test
    void shuffledDuplicatedFragmentsAcrossTheTsnWrapArriveIntactAndInOrder() {
        for (long seed : seeds()) {
            try {
                shuffledDelivery(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
            }
        }
    }

    @Test
    void abandonedMessagesAndForwardTsnsLeaveEverythingElseIntactAndInOrder() {
        int forwardsWithDataStillComing = 0;
        for (long seed : seeds()) {
            try {
                forwardsWithDataStillComing += deliveryWithAbandonedMessages(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
            }
        }
        // Not every seed can have a FORWARD TSN before the last one (see deliveryWithAbandonedMessages),
        // but the fixed seeds do: this guards against a model that never exercises that case.
        assertTrue(forwardsWithDataStillComing > 0, "no FORWARD TSN moved the ack point while data was still coming");
    }

    private static void shuffledDelivery(Random random) {
        long initialTsn = TOP - 100 + random.nextInt(20);
        List<Sent> sent = send(random, 300, initialTsn);
        List<DataChunk> wire = new ArrayList<>();
        for (Sent m : sent) {
            wire.addAll(m.chunks());
        }
        long lastTsn = wire.get(wire.size() - 1).tsn();
        int original = wire.size();
        for (int i = 0; i < original / 10; i++) {
            wire.add(wire.get(random.nextInt(original)));
        }
        Collections.shuffle(wire, random);

        List<SctpMessage> delivered = new ArrayList<>();
        ReceivedTsns tsns = new ReceivedTsns(initialTsn);
        StreamReassembler reassembler = new StreamReassembler(MAX_MESSAGE, delivered::add);
        long heldModel = 0; // bytes added and not yet delivered
        int deliveredSoFar = 0;
        for (DataChunk chunk : wire) {
            if (tsns.accept(chunk.tsn()) != ReceivedTsns.Result.NEW) {
                continue;
            }
            reassembler.add(chunk);
            heldModel += chunk.userData().length;
            for (; deliveredSoFar < delivered.size(); deliveredSoFar++) {
                heldModel -= delivered.get(deliveredSoFar).payload().length;
            }
            assertEquals(heldModel, reassembler.bufferedBytes());
        }
        assertEquals(lastTsn, tsns.cumulativeTsnAck());
        assertFalse(tsns.hasGaps());
        assertEquals(0, reassembler.bufferedBytes());
        checkDelivered(sent, delivered, new boolean[sent.size()]);
    }

    /**
     * Some messages are abandoned by the sender (RFC 3758): a random part of their fragments is
     * never sent. Now and then the sender's Advanced.Peer.Ack.Point moves over what was received
     * or abandoned and a FORWARD TSN carries it, listing per ordered stream the highest abandoned
     * SSN up to that point (RFC 3758 §3.5); a last one follows all the data.
     *
     * <p>The ack point only moves over TSNs received or abandoned (RFC 3758 §3.5 C1-C3), so while
     * the first TSN, if not abandoned, has not arrived no FORWARD TSN is sent at all. The shuffle
     * can put it among the last chunks: then the final FORWARD TSN is the only one, and a seed
     * may have none that moves the receiver's ack point earlier. That is a correct run, so this
     * is not asserted per seed.
     *
     * @return the FORWARD TSNs, before all the data was sent, that moved the cumulative ack
     */
    private static int deliveryWithAbandonedMessages(Random random) {
        long initialTsn = TOP - 100 + random.nextInt(20);
        List<Sent> sent = send(random, 400, initialTsn);
        boolean[] abandoned = new boolean[sent.size()];
        int total = 0;
        List<DataChunk> wire = new ArrayList<>();
        for (Sent m : sent) {
            total += m.chunks().size();
            if (random.nextInt(8) == 0) {
                abandoned[m.index()] = true;
                List<DataChunk> some = new ArrayList<>(m.chunks());
                some.remove(random.nextInt(some.size())); // at least one fragment never arrives
                some.removeIf(c -> random.nextBoolean());
                wire.addAll(some);
            } else {
                wire.addAll(m.chunks());
            }
        }
        long lastTsn = Tsn.add(initialTsn, total - 1);
        Collections.shuffle(wire, random);

        // Which TSN offsets are done from the sender's point of view: received or abandoned.
        boolean[] done = new boolean[total];
        Sent[] byOffset = new Sent[total];
        for (Sent m : sent) {
            for (DataChunk c : m.chunks()) {
                int offset = (int) Tsn.distance(initialTsn, c.tsn());
                byOffset[offset] = m;
                done[offset] = abandoned[m.index()];
            }
        }

        List<SctpMessage> delivered = new ArrayList<>();
        ReceivedTsns tsns = new ReceivedTsns(initialTsn);
        StreamReassembler reassembler = new StreamReassembler(MAX_MESSAGE, delivered::add);
        int ackPoint = -1; // offset of the sender's advanced peer ack point
        int forwardsWithDataStillComing = 0;
        for (int i = 0; i <= wire.size(); i++) {
            if (i == wire.size() || random.nextInt(200) == 0) {
                while (ackPoint + 1 < total && done[ackPoint + 1]) {
                    ackPoint++;
                }
                if (ackPoint >= 0) {
                    boolean moved = forward(tsns, reassembler, Tsn.add(initialTsn, ackPoint), sent, abandoned,
                            initialTsn, random);
                    if (moved && i < wire.size()) {
                        forwardsWithDataStillComing++;
                    }
                }
            }
            if (i == wire.size()) {
                break;
            }
            DataChunk chunk = wire.get(i);
            done[(int) Tsn.distance(initialTsn, chunk.tsn())] = true;
            if (tsns.accept(chunk.tsn()) == ReceivedTsns.Result.NEW) {
                reassembler.add(chunk);
            }
        }
        assertEquals(lastTsn, tsns.cumulativeTsnAck());
        assertFalse(tsns.hasGaps());
        assertEquals(0, reassembler.bufferedBytes(), "nothing left behind");
        checkDelivered(sent, delivered, abandoned);
        return forwardsWithDataStillComing;
    }

    /** Sends a FORWARD TSN; returns whether it moved the cumulative ack (was not out of date). */
    private static boolean forward(ReceivedTsns tsns, StreamReassembler reassembler, long newCumulativeTsn,
                                   List<Sent> sent, boolean[] abandoned, long initialTsn, Random random) {
        Map<Integer, Integer> highestAbandonedSsn = new HashMap<>();
        for (Sent m : sent) {
            DataChunk last = m.chunks().get(m.chunks().size() - 1);
            if (abandoned[m.index()] && !m.unordered()
                    && Tsn.distance(initialTsn, last.tsn()) <= Tsn.distance(initialTsn, newCumulativeTsn)) {
                highestAbandonedSsn.merge(m.streamId(), m.ssn(), Math::max);
            }
        }
        List<SkippedStream> skipped = new ArrayList<>();
        highestAbandonedSsn.forEach((sid, ssn) -> skipped.add(new SkippedStream(sid, ssn)));
        Collections.shuffle(skipped, random); // the seed's random, so that a seed replays the whole run
        if (!tsns.forwardTo(newCumulativeTsn)) {
            return false;
        }
        reassembler.skip(newCumulativeTsn, skipped);
        return true;
    }

    /** Every message not abandoned arrived once and intact; ordered ones in SSN order per stream. */
    private static void checkDelivered(List<Sent> sent, List<SctpMessage> delivered, boolean[] abandoned) {
        boolean[] seen = new boolean[sent.size()];
        int[] lastSsn = new int[STREAMS];
        Arrays.fill(lastSsn, -1);
        for (SctpMessage got : delivered) {
            int index = (int) got.ppid();
            Sent want = sent.get(index);
            assertFalse(abandoned[index], "abandoned message " + index + " was delivered");
            assertFalse(seen[index], "message " + index + " delivered twice");
            seen[index] = true;
            assertEquals(want.streamId(), got.streamId());
            assertEquals(want.unordered(), got.unordered());
            assertArrayEquals(want.payload(), got.payload(), "message " + index);
            if (!want.unordered()) {
                assertTrue(want.ssn() > lastSsn[want.streamId()], "stream " + want.streamId() + " out of order");
                lastSsn[want.streamId()] = want.ssn();
            }
        }
        for (Sent m : sent) {
            assertTrue(seen[m.index()] || abandoned[m.index()], "message " + m.index() + " never delivered");
        }
    }

    /** Random messages (1 byte to 256 KiB, one at the maximum), fragmented as RFC 9260 §6.9 says. */
    private static List<Sent> send(Random random, int count, long initialTsn) {
        List<Sent> sent = new ArrayList<>();
        int[] nextSsn = new int[STREAMS];
        long tsn = initialTsn;
        for (int i = 0; i < count; i++) {
            int size = i == count / 2 ? MAX_MESSAGE
                    : (int) Math.max(1, Math.exp(random.nextDouble() * Math.log(MAX_MESSAGE)));
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            int sid = random.nextInt(STREAMS);
            boolean unordered = random.nextInt(3) == 0;
            int ssn = unordered ? random.nextInt(65536) : nextSsn[sid]++; // unordered SSNs mean nothing
            List<DataChunk> chunks = new ArrayList<>();
            for (int at = 0; at < size; at += MAX_FRAGMENT) {
                int len = Math.min(MAX_FRAGMENT, size - at);
                byte[] data = Arrays.copyOfRange(payload, at, at + len);
                chunks.add(new DataChunk(tsn, sid, ssn, i, unordered, at == 0, at + len == size, false, data));
                tsn = Tsn.add(tsn, 1);
            }
            sent.add(new Sent(i, sid, ssn, unordered, payload, chunks));
        }
        assertTrue(tsn < initialTsn, "the TSNs cross 2^32");
        return sent;
    }
}
