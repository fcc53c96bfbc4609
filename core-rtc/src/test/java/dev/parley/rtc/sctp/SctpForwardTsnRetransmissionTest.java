package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A FORWARD TSN that is lost at the end of unreliable traffic is sent again when T3-rtx expires
 * (RFC 3758 §3.5 A5, C3, C5). Found against Chromium on a lossy link: after an unreliable burst
 * the last FORWARD TSN was lost, no SACK came to trigger another, Chromium's cumulative TSN stayed
 * short of our last one, so it answered our stream reset "in progress" for ever and the channel
 * never closed.
 */
class SctpForwardTsnRetransmissionTest {

    @Test
    void lostForwardTsn_isSentAgainOnT3Expiry_untilThePeerAcknowledgesPastIt() {
        ScriptedPeer p = new ScriptedPeer().established();
        p.executor.execute(() -> {
            p.association.send(1, Ppid.STRING, "lost".getBytes(StandardCharsets.UTF_8), true,
                    Reliability.maxRetransmits(0));
            p.association.send(2, Ppid.STRING, "kept".getBytes(StandardCharsets.UTF_8), false,
                    Reliability.reliable());
        });
        p.clock.runPending();
        long lost = p.localInitialTsn;
        long kept = Tsn.add(lost, 1);
        assertEquals(2, ScriptedPeer.ofType(p.takeSent(), DataChunk.class).size());
        // The peer got only the second: cumulative ack before the first, a gap block for the second.
        p.receive(new SackChunk(Tsn.add(lost, -1), 1 << 20, List.of(new GapAckBlock(2, 2)), List.of()));
        p.takeSent();

        // T3-rtx expires: the unreliable message is abandoned (never sent twice) and skipped.
        assertTrue(p.runUntilSent(Duration.ofSeconds(5)), "T3-rtx fires");
        List<Chunk> first = p.takeSent();
        assertEquals(List.of(), ScriptedPeer.ofType(first, DataChunk.class), "maxRetransmits 0: no retransmission");
        assertEquals(List.of(new ForwardTsnChunk(lost, List.of())), ScriptedPeer.ofType(first, ForwardTsnChunk.class));

        // That FORWARD TSN is lost and no SACK comes: the next expiries send it again.
        for (int i = 0; i < 3; i++) {
            assertTrue(p.runUntilSent(Duration.ofSeconds(70)), "T3-rtx fires again, " + i);
            assertEquals(List.of(new ForwardTsnChunk(lost, List.of())),
                    ScriptedPeer.ofType(p.takeSent(), ForwardTsnChunk.class), "the FORWARD TSN again, " + i);
        }
        p.receive(new SackChunk(kept, 1 << 20, List.of(), List.of()));
        p.takeSent();
        assertTrue(!p.runUntilSent(Duration.ofSeconds(10)) || ScriptedPeer.ofType(p.takeSent(),
                ForwardTsnChunk.class).isEmpty(), "nothing more to skip once the peer acknowledged past it");
        p.assertUp();
    }
}
