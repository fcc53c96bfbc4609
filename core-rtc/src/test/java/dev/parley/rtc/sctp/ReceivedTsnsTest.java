package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.ReceivedTsns.Result.DUPLICATE;
import static dev.parley.rtc.sctp.ReceivedTsns.Result.NEW;
import static dev.parley.rtc.sctp.ReceivedTsns.Result.OUT_OF_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** RFC 9260 §6.2/§3.3.4 TSN bookkeeping and RFC 3758 §3.6 FORWARD TSN, in isolation. */
class ReceivedTsnsTest {
    private static final long TOP = 0xFFFF_FFFFL;

    @Test
    void cumulativeAckStartsOneBeforeTheInitialTsnAndFollowsInOrderData() {
        ReceivedTsns r = new ReceivedTsns(1000);
        assertEquals(999, r.cumulativeTsnAck());
        assertEquals(new SackChunk(999, 5000, List.of(), List.of()), r.toSack(5000));
        for (long tsn = 1000; tsn < 1010; tsn++) {
            assertEquals(NEW, r.accept(tsn));
            assertFalse(r.lastAcceptCreatedOrFilledGap(), "in order, no gaps");
        }
        assertEquals(1009, r.cumulativeTsnAck());
        assertEquals(1009, r.highestTsn());
        assertFalse(r.hasGaps());
    }

    @Test
    void initialTsnZeroAcksTopOfTheSpace() {
        ReceivedTsns r = new ReceivedTsns(0);
        assertEquals(TOP, r.cumulativeTsnAck());
        assertEquals(NEW, r.accept(0));
        assertEquals(0, r.cumulativeTsnAck());
        assertEquals(DUPLICATE, r.accept(TOP));
    }

    @Test
    void gapBlocksAreOffsetsFromTheCumulativeAck() {
        // RFC 9260 §3.3.4 example shape: received 1, 2, 4, 5, 7 (initial TSN 1).
        ReceivedTsns r = new ReceivedTsns(1);
        for (long tsn : new long[] {1, 2, 4, 5, 7}) {
            assertEquals(NEW, r.accept(tsn));
        }
        SackChunk sack = r.toSack(1234);
        assertEquals(2, sack.cumulativeTsnAck());
        assertEquals(1234, sack.receiverWindow());
        assertEquals(List.of(new GapAckBlock(2, 3), new GapAckBlock(5, 5)), sack.gapAckBlocks());
        assertTrue(r.hasGaps());
        assertEquals(7, r.highestTsn());

        assertEquals(NEW, r.accept(6)); // joins 4..5 and 7 into 4..7
        assertEquals(List.of(new GapAckBlock(2, 5)), r.toSack(0).gapAckBlocks());
        assertEquals(NEW, r.accept(3)); // fills the last hole
        assertEquals(7, r.cumulativeTsnAck());
        assertFalse(r.hasGaps());
        assertEquals(List.of(), r.toSack(0).gapAckBlocks());
    }

    @Test
    void reportsWhetherAChunkCreatedOrFilledAGap() {
        ReceivedTsns r = new ReceivedTsns(10);
        r.accept(10);
        assertFalse(r.lastAcceptCreatedOrFilledGap());
        r.accept(12);
        assertTrue(r.lastAcceptCreatedOrFilledGap(), "12 leaves 11 missing");
        r.accept(13);
        assertTrue(r.lastAcceptCreatedOrFilledGap(), "still a gap below 13");
        r.accept(11);
        assertTrue(r.lastAcceptCreatedOrFilledGap(), "11 filled the gap");
        assertFalse(r.hasGaps());
        r.accept(14);
        assertFalse(r.lastAcceptCreatedOrFilledGap());
        r.accept(14);
        assertFalse(r.lastAcceptCreatedOrFilledGap(), "a duplicate is not a new chunk");
    }

    @Test
    void duplicatesAreListedOnceInTheNextSackThenForgotten() {
        ReceivedTsns r = new ReceivedTsns(100);
        r.accept(100);
        r.accept(101);
        r.accept(103);
        assertEquals(DUPLICATE, r.accept(100), "at or below the cumulative ack");
        assertEquals(DUPLICATE, r.accept(103), "already held above the ack");
        assertEquals(DUPLICATE, r.accept(103), "each arrival counts");
        assertEquals(DUPLICATE, r.accept(50), "long ago");
        SackChunk sack = r.toSack(0);
        assertEquals(List.of(100L, 103L, 103L, 50L), sack.duplicateTsns());
        assertEquals(List.of(new GapAckBlock(2, 2)), sack.gapAckBlocks());
        assertEquals(List.of(), r.toSack(0).duplicateTsns());
    }

    @Test
    void duplicateListIsBounded() {
        ReceivedTsns r = new ReceivedTsns(1);
        r.accept(1);
        for (int i = 0; i < ReceivedTsns.MAX_DUPLICATES + 5; i++) {
            r.accept(1);
        }
        assertEquals(5, r.duplicatesNotListed());
        assertEquals(ReceivedTsns.MAX_DUPLICATES, r.toSack(0).duplicateTsns().size());
        assertEquals(0, r.duplicatesNotListed());
    }

    @Test
    void sackFitsTheChunkBudgetKeepingTheLowestGapBlocksBeforeDuplicates() {
        ReceivedTsns r = new ReceivedTsns(0);
        for (long tsn = 1; tsn <= 2 * 400; tsn += 2) { // 400 blocks of one TSN each, 0 missing
            r.accept(tsn);
        }
        r.accept(1); // one duplicate
        SackChunk sack = r.toSack(0);
        int room = (ReceivedTsns.DEFAULT_MAX_SACK_BYTES - ReceivedTsns.SACK_HEADER_SIZE) / 4;
        assertEquals(room, sack.gapAckBlocks().size());
        assertEquals(new GapAckBlock(2, 2), sack.gapAckBlocks().get(0), "lowest first");
        assertEquals(List.of(), sack.duplicateTsns(), "no room left for duplicates");
        int bytes = ReceivedTsns.SACK_HEADER_SIZE + 4 * (sack.gapAckBlocks().size() + sack.duplicateTsns().size());
        assertTrue(bytes <= ReceivedTsns.DEFAULT_MAX_SACK_BYTES, "SACK chunk is " + bytes + " bytes");

        r.accept(1);
        SackChunk small = r.toSack(0, 16 + 4 * 3);
        assertEquals(3, small.gapAckBlocks().size());
        assertEquals(List.of(), small.duplicateTsns());
        r.accept(1);
        ReceivedTsns few = new ReceivedTsns(0);
        few.accept(2);
        few.accept(2);
        assertEquals(List.of(2L), few.toSack(0, 16 + 4 * 2).duplicateTsns(), "duplicates use the room blocks leave");
        assertThrows(IllegalArgumentException.class, () -> few.toSack(0, 15));
    }

    @Test
    void receiverWindowIsClampedToTheWireRange() {
        ReceivedTsns r = new ReceivedTsns(7);
        assertEquals(0, r.toSack(-5000).receiverWindow());
        assertEquals(TOP, r.toSack(1L << 40).receiverWindow());
    }

    @Test
    void tsnsTooFarAheadAreRefusedAndCounted() {
        ReceivedTsns r = new ReceivedTsns(TOP - 10);
        long cum = r.cumulativeTsnAck();
        assertEquals(OUT_OF_WINDOW, r.accept(Tsn.add(cum, ReceivedTsns.MAX_AHEAD + 1)));
        assertEquals(OUT_OF_WINDOW, r.accept(Tsn.add(cum, 1L << 30)));
        assertEquals(2, r.outOfWindowCount());
        assertEquals(NEW, r.accept(Tsn.add(cum, ReceivedTsns.MAX_AHEAD)), "the edge of the window is in");
        assertEquals(List.of(new GapAckBlock(0xFFFF, 0xFFFF)), r.toSack(0).gapAckBlocks());
        assertEquals(cum, r.cumulativeTsnAck());
        assertEquals(DUPLICATE, r.accept(Tsn.add(cum, -(1L << 30))), "far behind is old, not out of window");
    }

    @Test
    void wrapsAroundTwoToTheThirtyTwo() {
        ReceivedTsns r = new ReceivedTsns(TOP - 2);
        r.accept(TOP - 2);
        r.accept(TOP);  // TOP - 1 missing
        r.accept(1);    // 0 missing
        SackChunk sack = r.toSack(0);
        assertEquals(TOP - 2, sack.cumulativeTsnAck());
        assertEquals(List.of(new GapAckBlock(2, 2), new GapAckBlock(4, 4)), sack.gapAckBlocks());
        assertEquals(TOP - 2 + 4 - (1L << 32), r.highestTsn());
        r.accept(0);
        r.accept(TOP - 1);
        assertEquals(1, r.cumulativeTsnAck());
        assertFalse(r.hasGaps());
        assertEquals(DUPLICATE, r.accept(TOP));
        assertEquals(List.of(TOP), r.toSack(0).duplicateTsns());
    }

    @Test
    void forwardTsnMovesTheAckAndAbsorbsWhatFollows() {
        ReceivedTsns r = new ReceivedTsns(1);
        r.accept(1);
        for (long tsn : new long[] {4, 5, 8, 9, 12}) {
            r.accept(tsn);
        }
        assertFalse(r.forwardTo(1), "not ahead: out of date");
        assertFalse(r.forwardTo(0));
        assertEquals(1, r.cumulativeTsnAck());

        assertTrue(r.forwardTo(3)); // 2, 3 abandoned; 4..5 follow
        assertEquals(5, r.cumulativeTsnAck());
        assertEquals(List.of(new GapAckBlock(3, 4), new GapAckBlock(7, 7)), r.toSack(0).gapAckBlocks());

        assertTrue(r.forwardTo(8)); // lands inside run 8..9: carried to 9
        assertEquals(9, r.cumulativeTsnAck());
        assertEquals(List.of(new GapAckBlock(3, 3)), r.toSack(0).gapAckBlocks());

        assertTrue(r.forwardTo(20)); // past everything received
        assertEquals(20, r.cumulativeTsnAck());
        assertFalse(r.hasGaps());
        assertEquals(20, r.highestTsn());
        assertEquals(DUPLICATE, r.accept(15), "skipped TSNs count as received");
        assertEquals(NEW, r.accept(21));
    }

    @Test
    void forwardTsnAcrossTheWrap() {
        ReceivedTsns r = new ReceivedTsns(TOP - 1);
        r.accept(TOP - 1);
        r.accept(2);
        assertTrue(r.forwardTo(1));
        assertEquals(2, r.cumulativeTsnAck());
        assertFalse(r.hasGaps());
    }

    @Test
    void matchesAReferenceModelUnderRandomLossReorderingDuplicatesAndForwardTsn() {
        for (long seed : new long[] {1, 2, 3, 42, System.nanoTime()}) {
            try {
                runAgainstModel(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /** Sends TSNs from near 2^32 with loss, retransmission, duplication and the odd FORWARD TSN. */
    private static void runAgainstModel(Random random) {
        long initial = TOP - 300 + random.nextInt(200);
        ReceivedTsns r = new ReceivedTsns(initial);
        TreeSet<Long> received = new TreeSet<>(); // unwrapped TSNs above modelCum
        long modelCum = initial - 1;              // unwrapped
        List<Long> modelDups = new ArrayList<>();
        long nextToSend = initial;
        List<Long> lost = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            long u;
            int action = random.nextInt(100);
            if (action < 60 || lost.isEmpty()) {
                u = nextToSend++;
                if (random.nextInt(100) < 20) {
                    lost.add(u);
                    continue;
                }
            } else if (action < 85) {
                u = lost.remove(random.nextInt(lost.size())); // retransmission
            } else if (action < 97) {
                u = modelCum - random.nextInt(5) + random.nextInt(30); // a duplicate or a late copy
                if (u >= nextToSend) {
                    continue;
                }
            } else {
                long target = modelCum + random.nextInt(40);
                boolean moved = r.forwardTo(target & TOP);
                assertEquals(target > modelCum, moved);
                if (target > modelCum) {
                    modelCum = target;
                    received.headSet(modelCum, true).clear();
                    while (received.remove(modelCum + 1)) {
                        modelCum++;
                    }
                    lost.removeIf(t -> t <= target);
                }
                checkSack(r, modelCum, received, modelDups);
                continue;
            }
            ReceivedTsns.Result result = r.accept(u & TOP);
            boolean dup = u <= modelCum || received.contains(u);
            if (dup) {
                assertEquals(DUPLICATE, result, "tsn " + u);
                modelDups.add(u & TOP);
            } else {
                boolean hadGaps = !received.isEmpty();
                assertEquals(NEW, result, "tsn " + u);
                received.add(u);
                while (received.remove(modelCum + 1)) {
                    modelCum++;
                }
                assertEquals(hadGaps || !received.isEmpty(), r.lastAcceptCreatedOrFilledGap());
            }
            if (random.nextInt(10) == 0) {
                checkSack(r, modelCum, received, modelDups);
            }
            assertEquals(modelCum & TOP, r.cumulativeTsnAck());
            assertEquals(!received.isEmpty(), r.hasGaps());
            assertEquals((received.isEmpty() ? modelCum : received.last()) & TOP, r.highestTsn());
        }
        assertTrue(modelCum > initial + 5000, "the run moved the ack well past the wrap");
    }

    private static void checkSack(ReceivedTsns r, long modelCum, TreeSet<Long> received, List<Long> modelDups) {
        List<GapAckBlock> blocks = new ArrayList<>();
        long start = -1;
        long prev = -1;
        for (long u : received) {
            if (start >= 0 && u != prev + 1) {
                blocks.add(new GapAckBlock((int) (start - modelCum), (int) (prev - modelCum)));
                start = -1;
            }
            if (start < 0) {
                start = u;
            }
            prev = u;
        }
        if (start >= 0) {
            blocks.add(new GapAckBlock((int) (start - modelCum), (int) (prev - modelCum)));
        }
        int room = (ReceivedTsns.DEFAULT_MAX_SACK_BYTES - ReceivedTsns.SACK_HEADER_SIZE) / 4;
        List<GapAckBlock> expectedBlocks = blocks.subList(0, Math.min(blocks.size(), room));
        SackChunk sack = r.toSack(4096);
        assertEquals(modelCum & TOP, sack.cumulativeTsnAck());
        assertEquals(expectedBlocks, sack.gapAckBlocks());
        int listed = Math.min(Math.min(modelDups.size(), ReceivedTsns.MAX_DUPLICATES), room - expectedBlocks.size());
        List<Long> expectedDups = modelDups.subList(0, listed);
        assertEquals(expectedDups, sack.duplicateTsns());
        modelDups.clear();
    }
}
