package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sctp.ReconfigParameter.OutgoingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.ReconfigResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stream resets (RFC 6525) the way dcsctp, Chromium's SCTP, does them, replayed chunk by chunk:
 * a request answered "in progress" is sent again with a new sequence number, and "in progress"
 * answers to ours may go on for many round trips while the peer waits for our data.
 */
class SctpStreamResetInteropTest {

    @Test
    void requestRetriedWithANewSequenceNumberAfterInProgress_asDcsctpDoes_isDeferredThenPerformedOnce() {
        ScriptedPeer p = new ScriptedPeer().established();
        long first = p.nextTsn();
        long second = p.nextTsn();
        p.receive(p.data(second, 1, 1, "second")); // the first is lost: the cumulative ack stays short of it
        p.takeSent();

        // RFC 6525 §5.2.2 E2: the peer's last TSN has not arrived, so the reset is deferred.
        long seq = ScriptedPeer.PEER_INITIAL_TSN; // §5.1.1: request sequence numbers start at the initial TSN
        p.receive(ReconfigChunk.of(new OutgoingSsnResetRequest(seq, seq, second, List.of(1))));
        assertEquals(List.of(new ReconfigResponse(seq, StreamResets.RESULT_IN_PROGRESS)), p.takeReconfigParameters());

        // dcsctp (stream_reset_handler.cc, on kInProgress): "Force this request to be sent again, but
        // with new req_seq_nbr". The deferred request was processed, so seq + 1 is the expected one.
        long retry = Tsn.add(seq, 1);
        p.receive(ReconfigChunk.of(new OutgoingSsnResetRequest(retry, retry, second, List.of(1))));
        assertEquals(List.of(new ReconfigResponse(retry, StreamResets.RESULT_IN_PROGRESS)), p.takeReconfigParameters(),
                "the retry is in progress too, not a bad sequence number");
        assertTrue(p.incomingResets.isEmpty(), "nothing reset before the last TSN arrived");

        p.receive(p.data(first, 1, 0, "first"));
        assertEquals(List.of("first", "second"), p.messages.stream()
                .map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList());
        assertEquals(List.of(List.of(1)), p.incomingResets, "stream 1 reset once");
        assertTrue(p.takeReconfigParameters().contains(new ReconfigResponse(retry, StreamResets.RESULT_PERFORMED)),
                "the retry is answered performed once the data is in");

        // §5.2.1: a retransmission of the last request gets the result of that request, now performed.
        p.receive(ReconfigChunk.of(new OutgoingSsnResetRequest(retry, retry, second, List.of(1))));
        assertEquals(List.of(new ReconfigResponse(retry, StreamResets.RESULT_PERFORMED)), p.takeReconfigParameters());
        // The next new request is seq + 2.
        long next = Tsn.add(seq, 2);
        p.receive(ReconfigChunk.of(new OutgoingSsnResetRequest(next, next, second, List.of(3))));
        assertEquals(List.of(new ReconfigResponse(next, StreamResets.RESULT_PERFORMED)), p.takeReconfigParameters());
        p.assertUp();
    }

    @Test
    void inProgressAnswersToOurRequest_doNotCountAsRetransmissionFailures() {
        ScriptedPeer p = new ScriptedPeer().established();
        p.executor.execute(() -> {
            p.association.send(1, Ppid.STRING, "bye".getBytes(StandardCharsets.UTF_8), false, Reliability.reliable());
            p.association.resetStreams(List.of(1));
        });
        p.clock.runPending();
        List<ReconfigParameter> sent = p.takeReconfigParameters();
        OutgoingSsnResetRequest request = ScriptedPeer.ofType(sent, OutgoingSsnResetRequest.class).get(0);
        assertEquals(p.localInitialTsn, request.requestSequence());
        assertEquals(p.localInitialTsn, request.senderLastAssignedTsn(), "our DATA went first");
        p.receive(new SackChunk(p.localInitialTsn, 1 << 20, List.of(), List.of()));

        // The peer keeps answering "in progress" for far more round trips than Association.Max.Retrans:
        // each answer shows it is alive, so the association resends and stays up.
        int rounds = SctpSettings.defaults().maxRetransmits() + 5;
        for (int i = 0; i < rounds; i++) {
            p.receive(ReconfigChunk.of(new ReconfigResponse(request.requestSequence(), StreamResets.RESULT_IN_PROGRESS)));
            assertTrue(p.runUntilSent(Duration.ofSeconds(70)), "the request is sent again after in progress " + i);
            assertTrue(p.takeReconfigParameters().contains(request), "the same request again, round " + i);
            p.assertUp();
        }
        p.receive(ReconfigChunk.of(new ReconfigResponse(request.requestSequence(), StreamResets.RESULT_PERFORMED)));
        assertEquals(List.of(List.of(1)), p.outgoingResets);
        p.assertUp();
    }
}
