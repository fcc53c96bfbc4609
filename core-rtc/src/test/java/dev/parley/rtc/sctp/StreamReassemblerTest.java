package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sctp.ForwardTsnChunk.SkippedStream;
import dev.parley.rtc.sctp.SctpProtocolViolation.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9260 §6.5, §6.6, §6.9 reassembly and delivery, RFC 3758 §3.6 skipping, RFC 6525 §5.2.2 resets. */
class StreamReassemblerTest {
    private static final long TOP = 0xFFFF_FFFFL;
    private static final int PPID_STRING = 51;

    private final List<SctpMessage> delivered = new ArrayList<>();
    private final StreamReassembler r = new StreamReassembler(1000, delivered::add);

    /** Flags: "B", "E", "BE" (whole), "" (middle); "U" anywhere for unordered. */
    static DataChunk chunk(long tsn, int sid, int ssn, String flags, String data) {
        return new DataChunk(tsn, sid, ssn, PPID_STRING, flags.contains("U"), flags.contains("B"),
                flags.contains("E"), false, data.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        for (SctpMessage m : delivered) {
            out.add(m.streamId() + ":" + new String(m.payload(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void orderedWholeMessagesInOrderAreDeliveredAtOnceWithoutBuffering() {
        DataChunk c = chunk(1, 3, 0, "BE", "hello");
        r.add(c);
        r.add(chunk(2, 3, 1, "BE", "world"));
        assertEquals(List.of("3:hello", "3:world"), texts());
        assertEquals(0, r.bufferedBytes());
        assertEquals(2, r.nextSsn(3));
        SctpMessage m = delivered.get(0);
        assertEquals(PPID_STRING, m.ppid());
        assertFalse(m.unordered());
        assertNotSame(c.userData(), m.payload(), "the payload is a copy");
    }

    @Test
    void orderedMessagesAheadWaitForTheMissingOne() {
        r.add(chunk(12, 0, 2, "BE", "c"));
        r.add(chunk(11, 0, 1, "BE", "bb"));
        assertEquals(List.of(), texts());
        assertEquals(3, r.bufferedBytes());
        assertTrue(r.hasPendingData(0));
        r.add(chunk(10, 0, 0, "BE", "aaa"));
        assertEquals(List.of("0:aaa", "0:bb", "0:c"), texts());
        assertEquals(0, r.bufferedBytes());
        assertFalse(r.hasPendingData(0));
    }

    @Test
    void fragmentsOfAnOrderedMessageArriveInAnyOrder() {
        r.add(chunk(22, 1, 0, "E", "ld"));
        r.add(chunk(20, 1, 0, "B", "he"));
        assertEquals(4, r.bufferedBytes());
        r.add(chunk(21, 1, 0, "", "llo wor"));
        assertEquals(List.of("1:hello world"), texts());
        assertEquals(0, r.bufferedBytes());
    }

    @Test
    void streamsAreIndependentAndInterleave() {
        r.add(chunk(1, 1, 0, "B", "one-"));
        r.add(chunk(3, 2, 0, "B", "two-"));
        r.add(chunk(5, 1, 1, "BE", "1b"));   // waits for stream 1 ssn 0
        r.add(chunk(4, 2, 0, "E", "done"));  // stream 2 completes regardless of stream 1
        assertEquals(List.of("2:two-done"), texts());
        r.add(chunk(2, 1, 0, "E", "done"));
        assertEquals(List.of("2:two-done", "1:one-done", "1:1b"), texts());
        assertEquals(0, r.bufferedBytes());
    }

    @Test
    void streamSequenceNumbersWrapAfter65535() {
        long tsn = 1;
        for (int ssn = 0; ssn < 65534; ssn++) {
            r.add(chunk(tsn++, 9, ssn, "BE", "x"));
        }
        assertEquals(65534, delivered.size());
        assertEquals(65534, r.nextSsn(9));
        delivered.clear();
        r.add(chunk(tsn + 3, 9, 1, "BE", "d"));
        r.add(chunk(tsn + 2, 9, 0, "B", "c"));
        r.add(chunk(tsn + 1, 9, 65535, "BE", "b"));
        assertEquals(List.of(), texts());
        r.add(chunk(tsn, 9, 65534, "BE", "a"));
        assertEquals(List.of("9:a", "9:b"), texts(), "ssn 0 is not whole yet");
        assertEquals(0, r.nextSsn(9));
        assertEquals(2, r.bufferedBytes());
    }

    @Test
    void forwardTsnMovesTheNextSsnAcrossTheWrap() {
        // A listed SSN more than 32767 ahead reads as behind, so a sender moves there in steps.
        r.skip(10, List.of(new SkippedStream(7, 30000)));
        r.skip(20, List.of(new SkippedStream(7, 60000)));
        r.add(chunk(23, 7, 0, "BE", "after wrap"));
        r.skip(22, List.of(new SkippedStream(7, 65534)));
        assertEquals(65535, r.nextSsn(7));
        assertEquals(List.of(), texts());
        r.add(chunk(21, 7, 65535, "BE", "last before wrap"));
        assertEquals(List.of("7:last before wrap", "7:after wrap"), texts());
        assertEquals(1, r.nextSsn(7));
    }

    @Test
    void orderedChunkBehindTheNextSsnIsDroppedAndCounted() {
        r.add(chunk(1, 0, 0, "BE", "a"));
        r.add(chunk(2, 0, 0, "BE", "again"));
        r.add(chunk(3, 0, 40000, "BE", "far")); // more than 32767 ahead reads as behind
        assertEquals(List.of("0:a"), texts());
        assertEquals(2, r.staleDropped());
        assertEquals(0, r.bufferedBytes());
    }

    @Test
    void unorderedWholeMessagesSkipTheQueue() {
        r.add(chunk(2, 0, 1, "BE", "later"));
        r.add(chunk(3, 0, 7, "UBE", "now"));
        assertEquals(List.of("0:now"), texts());
        assertTrue(delivered.get(0).unordered());
        assertEquals(5, r.bufferedBytes());
    }

    @Test
    void unorderedFragmentsAreJoinedByTsnAndAdjacentMessagesStaySeparate() {
        // Message A: 100..102, message B: 103..104, both unordered on stream 4, SSNs meaningless.
        r.add(chunk(104, 4, 0, "UE", "B2"));
        r.add(chunk(101, 4, 0, "U", "A1"));
        r.add(chunk(103, 4, 9, "UB", "B1"));
        assertEquals(List.of("4:B1B2"), texts());
        r.add(chunk(102, 4, 0, "UE", "A2"));
        r.add(chunk(100, 4, 3, "UB", "A0"));
        assertEquals(List.of("4:B1B2", "4:A0A1A2"), texts());
        assertEquals(0, r.bufferedBytes());
        assertFalse(r.hasPendingData(4));
    }

    @Test
    void unorderedFragmentsAcrossTheTsnWrapAndBetweenOrderedChunks() {
        r.add(chunk(TOP - 2, 1, 0, "B", "o1-"));     // ordered message TOP-2..TOP-1
        r.add(chunk(0, 2, 0, "UB", "u-"));           // unordered message 0..1
        r.add(chunk(TOP, 2, 0, "UBE", "whole"));
        r.add(chunk(1, 2, 0, "UE", "end"));
        assertEquals(List.of("2:whole", "2:u-end"), texts());
        r.add(chunk(TOP - 1, 1, 0, "E", "done"));
        assertEquals("1:o1-done", texts().get(2));

        delivered.clear();
        r.add(chunk(50, 5, 0, "UB", "x"));
        r.add(chunk(54, 5, 0, "U", "?")); // a later message's fragment, not adjacent: left alone
        r.add(chunk(51, 5, 0, "U", "y"));
        r.add(chunk(52, 5, 0, "UE", "z"));
        assertEquals(List.of("5:xyz"), texts());
        assertEquals(1, r.bufferedBytes());
    }

    @Test
    void unorderedFragmentStraddlingTheWrapIsOneMessage() {
        r.add(chunk(0, 6, 0, "UE", "c"));
        r.add(chunk(TOP - 1, 6, 0, "UB", "a"));
        assertEquals(2, r.bufferedBytes());
        assertTrue(r.hasPendingData(6));
        r.add(chunk(TOP, 6, 0, "U", "b"));
        assertEquals(List.of("6:abc"), texts());
        assertEquals(0, r.bufferedBytes());
    }

    @Test
    void messagesUpToTheMaximumSizePassAndLargerOnesAreViolations() {
        byte[] max = new byte[1000];
        r.add(new DataChunk(1, 0, 0, 53, false, true, true, false, max));
        r.add(new DataChunk(2, 0, 0, 53, true, true, true, false, max));
        r.add(new DataChunk(3, 0, 1, 53, false, true, false, false, new byte[600]));
        r.add(new DataChunk(4, 0, 1, 53, false, false, true, false, new byte[400]));
        r.add(new DataChunk(5, 0, 0, 53, true, true, false, false, new byte[999]));
        r.add(new DataChunk(6, 0, 0, 53, true, false, true, false, new byte[1]));
        assertEquals(4, delivered.size());
        assertEquals(1000, delivered.get(3).payload().length);

        assertViolation(Reason.MESSAGE_TOO_LARGE, new DataChunk(7, 0, 2, 53, false, true, true, false, new byte[1001]));
        assertViolation(Reason.MESSAGE_TOO_LARGE, new DataChunk(7, 0, 0, 53, true, true, true, false, new byte[1001]));
    }

    @Test
    void oversizedFragmentedMessagesFailAtTheFragmentThatCrossesTheLimit() {
        StreamReassembler ordered = new StreamReassembler(1000, delivered::add);
        ordered.add(new DataChunk(1, 0, 0, 53, false, true, false, false, new byte[600]));
        ordered.add(new DataChunk(3, 0, 0, 53, false, false, false, false, new byte[300]));
        SctpProtocolViolation e = assertThrows(SctpProtocolViolation.class,
                () -> ordered.add(new DataChunk(2, 0, 0, 53, false, false, false, false, new byte[101])));
        assertEquals(Reason.MESSAGE_TOO_LARGE, e.reason());
        assertEquals(900, ordered.bufferedBytes(), "the offending fragment was not kept");

        StreamReassembler unordered = new StreamReassembler(1000, delivered::add);
        unordered.add(new DataChunk(10, 0, 0, 53, true, false, false, false, new byte[500]));
        unordered.add(new DataChunk(12, 0, 0, 53, true, false, false, false, new byte[500]));
        e = assertThrows(SctpProtocolViolation.class,
                () -> unordered.add(new DataChunk(11, 0, 0, 53, true, false, false, false, new byte[1])));
        assertEquals(Reason.MESSAGE_TOO_LARGE, e.reason(), "joining two runs would pass the limit");
        assertEquals(1000, unordered.bufferedBytes());
        assertEquals(List.of(), delivered);
    }

    @Test
    void chunkWithoutUserDataIsAViolation() {
        assertViolation(Reason.NO_USER_DATA, new DataChunk(1, 0, 0, 51, false, true, true, false, new byte[0]));
    }

    @Test
    void fragmentsThatCannotFormOneMessageAreViolations() {
        r.add(chunk(10, 0, 0, "B", "a"));
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(12, 0, 0, "B", "b"));   // second beginning
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(9, 0, 0, "", "b"));     // before the beginning
        r.add(chunk(13, 0, 0, "E", "z"));
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(14, 0, 0, "", "b"));    // after the end
        r.add(chunk(11, 0, 0, "", "m"));
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(20, 0, 0, "E", "c"));   // second end
        r.add(chunk(12, 0, 0, "", "n"));
        assertEquals(List.of("0:amnz"), texts());

        r.add(chunk(30, 1, 0, "UE", "e"));
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(31, 1, 0, "U", "x"));   // after an end, not a beginning
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(29, 1, 0, "UE", "x"));  // an end just before a middle
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(29, 2, 0, "U", "x"));   // another stream's fragment
        r.add(chunk(40, 1, 0, "UB", "b"));
        assertViolation(Reason.INCONSISTENT_FRAGMENTS, chunk(41, 1, 0, "UB", "x"));  // a beginning after a non-end
    }

    @Test
    void forwardTsnDropsPartialOrderedMessagesAndDeliversWhatWasWaiting() {
        // Stream 3: ssn 0 partial (missing tsn 11), ssn 1 whole but waiting, ssn 2 partial (abandoned),
        // ssn 3 whole, beyond the skip.
        r.add(chunk(10, 3, 0, "B", "lost"));
        r.add(chunk(12, 3, 1, "BE", "kept"));
        r.add(chunk(14, 3, 2, "E", "lost too"));
        r.add(chunk(15, 3, 3, "BE", "after"));
        assertEquals(List.of(), texts());
        assertEquals(4 + 4 + 8 + 5, r.bufferedBytes());
        r.skip(14, List.of(new SkippedStream(3, 2)));
        assertEquals(List.of("3:kept", "3:after"), texts());
        assertEquals(4, r.nextSsn(3));
        assertEquals(0, r.bufferedBytes());
        assertFalse(r.hasPendingData(3));
    }

    @Test
    void forwardTsnOnAStreamNotSeenYetMovesItsNextSsn() {
        r.skip(5, List.of(new SkippedStream(8, 4)));
        assertEquals(5, r.nextSsn(8));
        r.add(chunk(6, 8, 5, "BE", "first"));
        assertEquals(List.of("8:first"), texts());
    }

    @Test
    void forwardTsnWithAnOldSsnChangesNothing() {
        r.add(chunk(1, 2, 0, "BE", "a"));
        r.add(chunk(2, 2, 1, "BE", "b"));
        r.add(chunk(4, 2, 3, "BE", "d"));
        r.skip(2, List.of(new SkippedStream(2, 0)));
        assertEquals(2, r.nextSsn(2));
        assertEquals(1, r.bufferedBytes());
        r.add(chunk(3, 2, 2, "BE", "c"));
        assertEquals(List.of("2:a", "2:b", "2:c", "2:d"), texts());
    }

    @Test
    void forwardTsnDropsOnlyUnorderedMessagesMissingTsnsAtOrBelowIt() {
        r.add(chunk(21, 1, 0, "UE", "missing its beginning"));        // 20 abandoned
        r.add(chunk(22, 1, 0, "UB", "missing its end"));              // 23 abandoned
        r.add(chunk(24, 2, 0, "UB", "straddles-"));                   // 25 not abandoned yet
        r.add(chunk(31, 3, 0, "U", "above"));                          // 30 may still come
        long before = r.bufferedBytes();
        r.skip(24, List.of());
        assertEquals(before - 21 - 15, r.bufferedBytes());
        assertFalse(r.hasPendingData(1));
        assertTrue(r.hasPendingData(2));
        r.add(chunk(25, 2, 0, "UE", "ok"));
        r.add(chunk(30, 3, 0, "UB", "still-"));
        r.add(chunk(32, 3, 0, "UE", "fine"));
        assertEquals(List.of("2:straddles-ok", "3:still-abovefine"), texts());
        assertEquals(0, r.bufferedBytes());
    }

    @Test
    void resetStreamsStartsSsnAtZeroAgain() {
        r.add(chunk(1, 5, 0, "BE", "a"));
        r.add(chunk(2, 5, 1, "BE", "b"));
        r.add(chunk(3, 6, 0, "UB", "u"));
        assertEquals(2, r.nextSsn(5));
        assertFalse(r.hasPendingData(5));
        r.resetStreams(List.of(5, 6, 7));
        assertEquals(0, r.nextSsn(5));
        assertTrue(r.hasPendingData(6), "unordered fragments are not touched");
        r.add(chunk(4, 5, 0, "BE", "again"));
        assertEquals(List.of("5:a", "5:b", "5:again"), texts());
        assertEquals(1, r.bufferedBytes());
    }

    @Test
    void resetStreamsDropsOrderedLeftoversAndTheirBytes() {
        r.add(chunk(10, 5, 3, "BE", "early")); // ssn 3 waiting: a peer that ignored RFC 6525 §5.2.2
        r.add(chunk(11, 5, 0, "B", "part"));
        assertTrue(r.hasPendingData(5));
        r.resetStreams(List.of(5));
        assertFalse(r.hasPendingData(5));
        assertEquals(0, r.bufferedBytes());
        assertEquals(List.of(), texts());
    }

    private void assertViolation(Reason reason, DataChunk chunk) {
        long buffered = r.bufferedBytes();
        SctpProtocolViolation e = assertThrows(SctpProtocolViolation.class, () -> r.add(chunk));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(buffered, r.bufferedBytes(), "nothing kept from " + chunk);
    }

    @Test
    void payloadBytesArePreserved() {
        byte[] a = {0, 1, 2, (byte) 0xFF};
        byte[] b = {(byte) 0x80, 7};
        r.add(new DataChunk(1, 0, 0, 53, false, true, false, false, a));
        r.add(new DataChunk(2, 0, 0, 53, false, false, true, false, b));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0x80, 7}, delivered.get(0).payload());
        assertEquals(53, delivered.get(0).ppid());
    }
}
