package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audio jitter buffer on a fake clock with {@link MarkerDecoder}, whose samples say which
 * packet (or which kind of made-up audio) was played: 20 ms packets at 8 kHz, pulled every 10 ms.
 */
class AudioJitterBufferTest {
    private static final long MS = 1_000_000L;
    private static final long SSRC = 7;
    private static final int PACKET_UNITS = 160;

    /** A sender and a playout clock: packets scheduled to arrive at given times, pulls every 10 ms. */
    private static final class Call {
        final AudioPlayoutStats stats = new AudioPlayoutStats();
        final MarkerDecoder decoder;
        final AudioJitterBuffer buffer;
        final PriorityQueue<long[]> arrivals = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        /** Per pull: the first sample's value (0 before playout starts: no frame). */
        final List<Short> played = new ArrayList<>();
        final List<Long> targets = new ArrayList<>();
        long now = 1_000_000_000L;
        long ssrc = SSRC;

        Call(boolean fec) {
            decoder = new MarkerDecoder(fec);
            buffer = new AudioJitterBuffer(decoder, stats, AudioJitterBuffer.Settings.DEFAULTS);
        }

        /** Packet {@code index} (sequence = index, timestamp = 160 * index, id = index + 1) arrives {@code lateMs} after its time. */
        void send(int index, long lateMs) {
            arrivals.add(new long[] {now0() + index * 20 * MS + lateMs * MS, index, ssrc});
        }

        long now0() {
            return 1_000_000_000L;
        }

        void sendSteady(int from, int to) {
            for (int i = from; i < to; i++) {
                send(i, 0);
            }
        }

        /** Runs the clock until {@code untilMs} after the start: arrivals first, then a pull each 10 ms. */
        void run(long untilMs) {
            long end = now0() + untilMs * MS;
            while (now < end) {
                while (!arrivals.isEmpty() && arrivals.peek()[0] <= now) {
                    long[] a = arrivals.poll();
                    int index = (int) a[1];
                    buffer.insert(a[2], index & 0xFFFF, (PACKET_UNITS * (long) index) & 0xFFFF_FFFFL,
                            MarkerDecoder.payload(index + 1), a[0]);
                }
                AudioFrame frame = buffer.pull(now);
                played.add(frame == null ? 0 : frame.sample(0));
                if (frame != null) {
                    assertEquals(80, frame.samplesPerChannel(), "10 ms frames");
                    assertEquals(frame.sample(0), frame.sample(79), "one source per 10 ms frame");
                }
                targets.add(buffer.targetDelayNanos());
                now += 10 * MS;
            }
        }

        /** Pulls until both 10 ms frames of packet {@code id} have played (at most 5 s more). */
        void runUntilPlayed(int id) {
            long limit = now + 5_000 * MS;
            while (played.stream().filter(s -> s == id).count() < 2) {
                assertTrue(now < limit, "packet " + id + " never played: " + played);
                run((now - now0()) / MS + 10);
            }
        }

        /** The ids of decoded packets in the order played, each once. */
        List<Integer> decodedIds() {
            List<Integer> ids = new ArrayList<>();
            for (short s : played) {
                if (s > 0 && (ids.isEmpty() || ids.get(ids.size() - 1) != s)) {
                    ids.add((int) s);
                }
            }
            return ids;
        }

        long count(short value) {
            return played.stream().filter(s -> s == value).count();
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void steadyStream_playsEveryPacketInOrderAfterTheMinimumDelay_withoutConcealment() {
        Call call = new Call(false);
        call.sendSteady(0, 50);
        call.run(1020);
        assertEquals(range(1, 51), call.decodedIds());
        int firstFrame = call.played.indexOf((short) 1);
        assertEquals(2, firstFrame, "playout starts 20 ms after the first packet: " + call.played);
        assertEquals(0, call.stats.concealedSamples(), call.stats.toString());
        assertEquals(0, call.stats.packetsDiscarded());
        assertEquals(50 * 160, call.stats.jitterBufferEmittedCount());
        double meanDelay = call.stats.jitterBufferDelay() / call.stats.jitterBufferEmittedCount();
        assertTrue(meanDelay >= 0.015 && meanDelay <= 0.035, "mean delay " + meanDelay);
        assertEquals(20 * MS, call.buffer.targetDelayNanos());
    }

    @Test
    void reorderedPackets_playInMediaOrder() {
        Call call = new Call(false);
        for (int i = 0; i < 40; i++) {
            // pairs swap: 1 before 0, 3 before 2, … (the later one 5 ms early, the earlier 15 ms late)
            call.send(i, i % 2 == 0 ? 15 : -5);
        }
        call.runUntilPlayed(40);
        assertEquals(range(1, 41), call.decodedIds());
        assertEquals(0, call.stats.packetsDiscarded(), call.stats.toString());
        assertEquals(0, call.stats.concealedSamples(), call.stats.toString());
    }

    @Test
    void lostPacket_withoutFec_isConcealedOnce_andCounted() {
        Call call = new Call(false);
        call.sendSteady(0, 10);
        call.sendSteady(11, 30);
        call.runUntilPlayed(30);
        List<Integer> expected = range(1, 31);
        expected.remove(Integer.valueOf(11));
        assertEquals(expected, call.decodedIds());
        assertEquals(160, call.stats.concealedSamples(), "20 ms concealed: " + call.stats);
        assertEquals(1, call.stats.concealmentEvents());
        assertEquals(2, call.count(MarkerDecoder.CONCEALED), "two 10 ms frames of concealment: " + call.played);
        assertEquals(0, call.stats.fecPacketsReceived());
        assertEquals(0, call.stats.silentConcealedSamples());
    }

    @Test
    void lostPacket_withFec_isRecoveredFromTheNextPacket_notConcealed() {
        Call call = new Call(true);
        call.sendSteady(0, 10);
        call.sendSteady(11, 30);
        call.runUntilPlayed(30);
        assertEquals(1, call.stats.fecPacketsReceived(), call.stats.toString());
        assertEquals(2, call.count(MarkerDecoder.FEC), "20 ms recovered by FEC: " + call.played);
        assertEquals(0, call.stats.concealedSamples(), call.stats.toString());
        assertTrue(call.decodedIds().contains(12), "the FEC packet itself is played too");
    }

    @Test
    void twoLostPackets_withFec_concealTheFirst_andRecoverTheSecond() {
        Call call = new Call(true);
        call.sendSteady(0, 10);
        call.sendSteady(12, 30);
        call.runUntilPlayed(30);
        assertEquals(1, call.stats.fecPacketsReceived(), call.stats.toString());
        assertEquals(160, call.stats.concealedSamples(), call.stats.toString());
    }

    @Test
    void lateAndDuplicatePackets_areCountedDrops() {
        Call call = new Call(false);
        call.sendSteady(0, 30);
        call.send(5, 0); // a copy arriving together with the original
        call.send(10, 0);
        call.run(300);
        // a copy of a packet played long ago arrives now
        call.arrivals.add(new long[] {call.now, 3, SSRC});
        call.run(700);
        assertEquals(range(1, 31), call.decodedIds());
        assertEquals(3, call.stats.duplicateDrops(), call.stats.toString());

        Call late = new Call(false);
        late.sendSteady(0, 10);
        late.send(10, 200); // far behind its time: played as lost, then dropped when it comes
        late.sendSteady(11, 30);
        late.run(800);
        assertEquals(1, late.stats.lateDrops(), late.stats.toString());
        assertEquals(1, late.stats.packetsDiscarded());
        assertFalse(late.decodedIds().contains(11), "the late packet is not played");
    }

    @Test
    void jitterSpike_growsTheTargetAtOnce_thenItShrinksSlowly_andPlayoutChangesPaceInSmallSteps() {
        Call call = new Call(false);
        call.sendSteady(0, 100);
        // a 150 ms stall on the path at 2 s: packets 100..107 arrive together
        for (int i = 100; i < 108; i++) {
            call.send(i, 160 - (i - 100) * 20);
        }
        call.sendSteady(108, 2000);
        call.run(2300);
        long before = call.targets.get(190);
        long after = call.targets.get(220);
        assertEquals(20 * MS, before, "no jitter, minimum target");
        assertTrue(after >= 150 * MS, "the spike raised the target to " + after / MS + " ms");
        call.run(8000);
        long later = call.targets.get(call.targets.size() - 1);
        assertTrue(later < after - 30 * MS, "the target shrinks: " + later / MS + " ms");
        assertTrue(later > 20 * MS, "but slowly: " + later / MS + " ms");
        call.run(40_500);
        System.out.printf("160 ms stall: target %d ms before, %d ms after, %d ms 6 s later; %s%n", before / MS,
                after / MS, later / MS, call.stats);
        assertEquals(20 * MS, call.targets.get(call.targets.size() - 1), "back to the minimum when quiet");
        // the delay grew by concealing during the stall and shrank by dropping 10 ms at a time
        assertTrue(call.stats.removedSamplesForAcceleration() > 0, call.stats.toString());
        assertEquals(0, call.stats.lateDrops(), "the stalled packets were waited for: " + call.stats);
        assertEquals(range(1, 2001), call.decodedIds());
    }

    @Test
    void steadyJitter_settlesWithoutLateDrops() {
        Call call = new Call(false);
        Random random = new Random(3);
        for (int i = 0; i < 1500; i++) {
            call.send(i, random.nextInt(60)); // up to 60 ms, not reordered beyond what buffering covers
        }
        call.run(31_000);
        double meanDelay = call.stats.jitterBufferDelay() / call.stats.jitterBufferEmittedCount();
        long target = call.buffer.targetDelayNanos();
        System.out.printf("uniform 0..60 ms jitter: target %d ms, mean jitterBufferDelay %.1f ms, %s%n",
                target / MS, meanDelay * 1000, call.stats);
        assertTrue(target >= 60 * MS && target <= 120 * MS, "target " + target / MS + " ms");
        assertTrue(call.stats.lateDrops() <= 15, "few late packets (1%): " + call.stats);
        assertTrue(call.decodedIds().size() >= 1485, "packets played: " + call.decodedIds().size());
    }

    @Test
    void longGap_turnsConcealmentToSilence_thenIdleStopsPlayout() {
        Call call = new Call(false);
        call.sendSteady(0, 10);
        call.run(1000);
        assertTrue(call.stats.silentConcealedSamples() > 0, call.stats.toString());
        assertEquals(800, call.stats.concealedSamples() - call.stats.silentConcealedSamples(),
                "100 ms of codec concealment before silence: " + call.stats);
        call.run(1500);
        assertNull(call.buffer.pull(call.now), "no frames once the sender stopped for a second");
        assertTrue(call.buffer.isIdle());
        // the sender comes back: a new timeline, playing again
        call.sendSteady(100, 120);
        call.run(2600);
        assertTrue(call.decodedIds().contains(101), call.decodedIds().toString());
    }

    @Test
    void ssrcChangeAndTimestampJump_startNewTimelines() {
        Call call = new Call(false);
        call.sendSteady(0, 20);
        call.run(450);
        call.ssrc = 99; // a new source, numbering from where it likes
        call.sendSteady(20, 40);
        call.run(850);
        for (int i = 40; i < 60; i++) { // timestamps jump 10 minutes ahead
            call.buffer.insert(99, i, 160L * i + 8000L * 600, MarkerDecoder.payload(1000 + i), call.now0() + i * 20 * MS);
            call.run(i * 20 + 20);
        }
        call.run(1400);
        assertEquals(2, call.stats.resyncs(), call.stats.toString());
        List<Integer> ids = call.decodedIds();
        assertTrue(ids.contains(35) && ids.contains(1050), ids.toString());
        assertEquals(0, call.stats.lateDrops(), call.stats.toString());
    }

    @Test
    void holdsAtMostMaxPackets_whateverArrives() {
        AudioPlayoutStats stats = new AudioPlayoutStats();
        AudioJitterBuffer buffer = new AudioJitterBuffer(new MarkerDecoder(false), stats,
                new AudioJitterBuffer.Settings(20 * MS, 500 * MS, 32));
        for (int i = 0; i < 10_000; i++) { // a flood of distinct packets at one instant, never pulled
            buffer.insert(SSRC, i & 0xFFFF, 160L * (i % 100), MarkerDecoder.payload(i), 0);
        }
        assertEquals(32, buffer.packetCount());
        assertEquals(10_000 - 32, stats.overflowDrops() + stats.duplicateDrops(), stats.toString());
        assertTrue(stats.overflowDrops() > 0);
    }

    @Test
    void garbagePayloads_areConcealedAndCounted() {
        AudioPlayoutStats stats = new AudioPlayoutStats();
        AudioJitterBuffer buffer = new AudioJitterBuffer(new MarkerDecoder(false), stats,
                AudioJitterBuffer.Settings.DEFAULTS);
        long now = 0;
        for (int i = 0; i < 20; i++) {
            byte[] payload = i == 5 ? new byte[] {MarkerDecoder.REFUSED, 0} : MarkerDecoder.payload(i + 1);
            buffer.insert(SSRC, i, 160L * i, i == 9 ? new byte[0] : payload, now);
            buffer.pull(now);
            buffer.pull(now + 10 * MS);
            now += 20 * MS;
        }
        assertEquals(1, stats.decodeFailures(), stats.toString());
        assertEquals(1, stats.invalidDrops(), stats.toString());
        assertTrue(stats.concealedSamples() >= 320, stats.toString());
    }

    /**
     * Audio/video sync's extra delay: the target rises by it, and playout gets there by slowing
     * down (no decoded audio skipped, no jump larger than one 10 ms frame), then back when it is
     * taken away; the played position names the RTP timestamp being played.
     */
    @Test
    void extraDelay_isReachedAndGivenBackByChangingPace() {
        Call call = new Call(false);
        call.sendSteady(0, 250);
        call.run(1000);
        call.buffer.setExtraDelay(100 * MS);
        assertEquals(120 * MS, call.buffer.targetDelayNanos());
        call.run(2500);
        long lastDelay = -1;
        for (int k = 100; k < call.played.size(); k++) {
            long delay = delayOfPull(call, k);
            if (delay >= 0 && lastDelay >= 0) {
                assertTrue(delay - lastDelay <= 10 * MS, "no jump at pull " + k + ": " + lastDelay / MS + " -> "
                        + delay / MS + " ms");
            }
            lastDelay = delay >= 0 ? delay : lastDelay;
        }
        assertEquals(120 * MS, lastDelay, 10 * MS, "playout trails the packets by the new target");
        assertEquals(range(1, call.decodedIds().size() + 1), call.decodedIds(), "nothing decoded was skipped");
        assertTrue(call.stats.insertedSamplesForDeceleration() >= 8 * 80, call.stats.toString());
        int last = call.played.get(call.played.size() - 1);
        long playedAt = 160L * (last - 1);
        assertTrue(call.buffer.pulledTimestamp() == playedAt || call.buffer.pulledTimestamp() == playedAt + 80,
                "played position " + call.buffer.pulledTimestamp() + " in packet " + last);
        double meanTarget = call.stats.jitterBufferTargetDelay() / call.stats.jitterBufferEmittedCount();
        assertTrue(meanTarget > 0.06, "the W3C target includes the extra delay: " + meanTarget);

        call.buffer.setExtraDelay(0);
        call.run(4500);
        assertEquals(20 * MS, delayOfPull(call, call.played.size() - 1), 10 * MS, "back to the jitter target");
    }

    /** How long after its packet was sent the audio of pull {@code k} plays; -1 for made-up audio. */
    private static long delayOfPull(Call call, int k) {
        short id = call.played.get(k);
        if (id <= 0) {
            return -1;
        }
        boolean secondHalf = k > 0 && call.played.get(k - 1) == id;
        return k * 10 * MS - ((id - 1) * 20 * MS + (secondHalf ? 10 * MS : 0));
    }
}
