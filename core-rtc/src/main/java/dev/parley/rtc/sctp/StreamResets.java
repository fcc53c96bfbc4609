package dev.parley.rtc.sctp;

import dev.parley.rtc.sctp.ReconfigParameter.AddStreamsRequest;
import dev.parley.rtc.sctp.ReconfigParameter.IncomingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.OutgoingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.ReconfigResponse;
import dev.parley.rtc.sctp.ReconfigParameter.SsnTsnResetRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stream reset (RFC 6525), the way data channels close (RFC 8831 §6.7): our outgoing streams
 * are reset by an Outgoing SSN Reset Request once their queued messages have TSNs, and the
 * peer's requests reset our incoming streams once every TSN up to its last assigned one arrived.
 *
 * <pre>
 *  requestOutgoing ─▶ waiting (queued data) ─▶ request sent ─▶ response "performed" ─▶ reset
 *                                                  │ response "in progress" / timeout: resend
 * </pre>
 *
 * One request of ours is outstanding at a time (§5.1.1); streams asked for meanwhile wait for
 * the next.
 */
final class StreamResets {
    static final int RESULT_NOTHING_TO_DO = 0;
    static final int RESULT_PERFORMED = 1;
    static final int RESULT_DENIED = 2;
    static final int RESULT_BAD_SEQUENCE = 5;
    static final int RESULT_IN_PROGRESS = 6;

    private final SctpAssociation a;
    private final AssociationTimer timer;
    /** Streams the user closed whose reset is not yet requested. */
    private final Set<Integer> waiting = new LinkedHashSet<>();
    private OutgoingSsnResetRequest inFlight;
    private boolean resendInFlight;
    /** RFC 6525 §5.1.1/§5.2.2: both sequences start at the sender's initial TSN. */
    private long nextRequestSequence = -1;
    private long peerNextRequest = -1;
    /**
     * Requests of the peer we processed but cannot perform until their TSNs arrive (§5.2.2 E2), in
     * sequence order. A deferred request still uses up its sequence number: dcsctp and usrsctp
     * both expect the next one after "in progress", and dcsctp retries with it.
     */
    private final ArrayDeque<OutgoingSsnResetRequest> deferredIncoming = new ArrayDeque<>();
    private final List<ReconfigParameter> responses = new ArrayList<>();
    /** Our answer to the peer's last processed request, repeated if it comes again (§5.2.1). */
    private ReconfigResponse lastResponse;

    StreamResets(SctpAssociation association) {
        this.a = association;
        this.timer = new AssociationTimer(association.executor, this::onTimeout);
    }

    void requestOutgoing(List<Integer> streamIds) {
        waiting.addAll(streamIds);
    }

    /** Called after each flush: sends our request once the streams' queued data has TSNs. */
    void maybeSendRequest() {
        DataPath path = a.data;
        if (path == null || inFlight != null || waiting.isEmpty() || !path.reconfigSupported) {
            return;
        }
        List<Integer> ready = new ArrayList<>();
        for (int id : waiting) {
            if (!path.sendQueue.hasQueued(id)) {
                ready.add(id);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        waiting.removeAll(ready);
        startSequences(path);
        long responseSequence = Tsn.add(peerNextRequest, -1);
        inFlight = new OutgoingSsnResetRequest(nextRequestSequence, responseSequence,
                Tsn.add(path.retransmissions.nextTsn(), -1), ready);
        nextRequestSequence = Tsn.add(nextRequestSequence, 1);
        resendInFlight = true;
        a.flush();
    }

    /** The chunk to bundle into the next packet, if any: our request and our responses. */
    Optional<ReconfigChunk> pendingChunk() {
        List<ReconfigParameter> parameters = new ArrayList<>(responses);
        responses.clear();
        if (inFlight != null && resendInFlight) {
            parameters.add(inFlight);
            resendInFlight = false;
            timer.start(a.data.rto.rtoNanos());
        }
        return parameters.isEmpty() ? Optional.empty() : Optional.of(new ReconfigChunk(parameters));
    }

    void onReconfig(ReconfigChunk chunk) {
        for (ReconfigParameter p : chunk.parameters()) {
            if (p instanceof OutgoingSsnResetRequest request) {
                onPeerRequest(request);
            } else if (p instanceof ReconfigResponse response) {
                onResponse(response);
            } else if (p instanceof IncomingSsnResetRequest request) {
                // Browsers never ask; closing is each side resetting its own outgoing streams.
                respond(request.requestSequence(), RESULT_DENIED);
            } else if (p instanceof SsnTsnResetRequest request) {
                respond(request.requestSequence(), RESULT_DENIED);
            } else if (p instanceof AddStreamsRequest request) {
                respond(request.requestSequence(), RESULT_DENIED);
            }
        }
        a.flush();
    }

    /** RFC 6525 §5.2.2. */
    private void onPeerRequest(OutgoingSsnResetRequest request) {
        long seq = request.requestSequence();
        startSequences(a.data);
        if (seq == Tsn.add(peerNextRequest, -1) && lastResponse != null) {
            responses.add(lastResponse); // a retransmission: answer as before
            return;
        }
        if (seq != peerNextRequest) {
            respond(seq, RESULT_BAD_SEQUENCE);
            return;
        }
        peerNextRequest = Tsn.add(seq, 1);
        lastResponse = new ReconfigResponse(seq, RESULT_IN_PROGRESS);
        deferredIncoming.add(request);
        onCumulativeTsnReceived();
        if (deferredIncoming.contains(request)) {
            responses.add(lastResponse);
        }
    }

    /**
     * Performs the peer's deferred requests whose last TSN is cumulatively received (§5.2.2 E3),
     * telling the listener once per stream even when a retried request names it again.
     */
    void onCumulativeTsnReceived() {
        DataPath path = a.data;
        if (deferredIncoming.isEmpty() || path == null) {
            return;
        }
        Set<Integer> reset = new LinkedHashSet<>();
        while (!deferredIncoming.isEmpty() && Tsn.lessOrEqual(deferredIncoming.peek().senderLastAssignedTsn(),
                path.received.cumulativeTsnAck())) {
            OutgoingSsnResetRequest request = deferredIncoming.poll();
            path.reassembler.resetStreams(request.streamIds());
            respond(request.requestSequence(), RESULT_PERFORMED);
            reset.addAll(request.streamIds());
        }
        if (!reset.isEmpty()) {
            a.listener.onIncomingStreamsReset(List.copyOf(reset));
        }
    }

    private void startSequences(DataPath path) {
        if (nextRequestSequence < 0) {
            nextRequestSequence = path.localInitialTsn;
            peerNextRequest = path.peerInitialTsn;
        }
    }

    private void respond(long requestSequence, int result) {
        ReconfigResponse response = new ReconfigResponse(requestSequence, result);
        if (result == RESULT_DENIED
                || result == RESULT_PERFORMED && requestSequence == Tsn.add(peerNextRequest, -1)) {
            lastResponse = response;
        }
        responses.add(response);
    }

    private void onResponse(ReconfigResponse response) {
        if (inFlight == null || response.responseSequence() != inFlight.requestSequence()) {
            return;
        }
        if (response.result() == RESULT_IN_PROGRESS) {
            // An answer, not a loss: the peer waits for our data (§5.2.2 E2). Ask again in an RTO,
            // the retransmission count starting over, as dcsctp does; else a long wait behind a
            // congested window would end the association.
            timer.stop();
            timer.start(a.data.rto.rtoNanos());
            return;
        }
        OutgoingSsnResetRequest done = inFlight;
        inFlight = null;
        timer.stop();
        if (response.result() == RESULT_PERFORMED || response.result() == RESULT_NOTHING_TO_DO) {
            a.data.sendQueue.resetStreamSsn(done.streamIds());
            a.listener.onOutgoingStreamsReset(List.copyOf(done.streamIds()));
        } else {
            a.closeNow("the peer refused to reset streams " + done.streamIds() + " (result " + response.result() + ")");
        }
        maybeSendRequest();
    }

    /** No response in an RTO: send the same request again (§5.1.1). */
    private void onTimeout() {
        if (inFlight == null || a.data == null) {
            return;
        }
        if (timer.expiries() > a.settings.maxRetransmits()) {
            a.closeNow("no answer to a stream reset request");
            return;
        }
        resendInFlight = true;
        a.flush();
    }

    void stop() {
        timer.stop();
    }
}
