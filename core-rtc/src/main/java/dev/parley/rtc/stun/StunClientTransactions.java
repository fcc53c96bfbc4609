package dev.parley.rtc.stun;

import dev.parley.rtc.net.SerialExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The client side of STUN transactions (RFC 8489 §6.2–6.3) for one owner (an ICE agent, a TURN
 * client): sends a request, retransmits it on the {@link RetransmissionSchedule}, and completes
 * its future with the first response that matches its transaction id <em>and</em> passes the
 * transaction's own validation (message integrity, expected source). Responses that fail
 * validation are dropped and counted and leave the transaction waiting, so a forged response
 * cannot end it. Confined to the owner's {@link SerialExecutor}.
 */
public final class StunClientTransactions {

    /** Sends the request's bytes once more; returns false if the transport dropped them. */
    @FunctionalInterface
    public interface Transmitter {
        boolean transmit(byte[] request);
    }

    private final SerialExecutor executor;
    private final Map<TransactionId, Pending> pending = new HashMap<>();
    private long rejectedResponses;
    private long unmatchedResponses;

    public StunClientTransactions(SerialExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Starts a transaction. The future completes on the executor with the response, or
     * exceptionally with {@link StunTimeoutException}, or is cancelled by {@link #cancel}.
     *
     * @param request the encoded request; its transaction id keys the transaction
     * @param reliable true over TCP/TLS: one send, then {@link RetransmissionSchedule#reliableTimeout()}
     * @param validator accepts the raw bytes and parsed form of a response; false drops it
     */
    public CompletableFuture<StunResponse> start(StunMessage request, byte[] encoded, Transmitter transmitter,
            RetransmissionSchedule schedule, boolean reliable, Predicate<StunResponse> validator) {
        TransactionId id = request.transactionId();
        if (pending.containsKey(id)) {
            throw new IllegalStateException("transaction " + id + " is already running");
        }
        Pending p = new Pending(id, encoded, transmitter, schedule, reliable, validator);
        pending.put(id, p);
        p.sendAndArm(0);
        return p.future;
    }

    /**
     * Offers a received response. Returns true if it matched a running transaction, whether or
     * not it passed validation (either way it is consumed: it is not for anyone else).
     */
    public boolean onResponse(StunResponse response) {
        Pending p = pending.get(response.message().transactionId());
        if (p == null) {
            unmatchedResponses++;
            return false;
        }
        if (!p.validator.test(response)) {
            rejectedResponses++;
            return true;
        }
        p.finish();
        p.future.complete(response);
        return true;
    }

    /** Stops a transaction without completing it normally (its future is cancelled). */
    public void cancel(TransactionId id) {
        Pending p = pending.get(id);
        if (p != null) {
            p.finish();
            p.future.cancel(false);
        }
    }

    /** Cancels every running transaction, as when the owner closes. */
    public void cancelAll() {
        for (Pending p : pending.values().toArray(new Pending[0])) {
            p.finish();
            p.future.cancel(false);
        }
    }

    public int running() {
        return pending.size();
    }

    /** Responses that matched a transaction but failed its validation (forged, wrong key, wrong source). */
    public long rejectedResponses() {
        return rejectedResponses;
    }

    /** Responses for no running transaction: late retransmission answers, or junk. */
    public long unmatchedResponses() {
        return unmatchedResponses;
    }

    private final class Pending {
        final TransactionId id;
        final byte[] encoded;
        final Transmitter transmitter;
        final RetransmissionSchedule schedule;
        final boolean reliable;
        final Predicate<StunResponse> validator;
        final CompletableFuture<StunResponse> future = new CompletableFuture<>();
        SerialExecutor.Cancellable timer;

        Pending(TransactionId id, byte[] encoded, Transmitter transmitter, RetransmissionSchedule schedule,
                boolean reliable, Predicate<StunResponse> validator) {
            this.id = id;
            this.encoded = encoded;
            this.transmitter = transmitter;
            this.schedule = schedule;
            this.reliable = reliable;
            this.validator = validator;
        }

        void sendAndArm(int sendIndex) {
            // A send the transport drops still counts: UDP loss looks the same to the peer.
            transmitter.transmit(encoded);
            boolean last = reliable || sendIndex == schedule.maxTransmissions() - 1;
            long wait = reliable ? schedule.reliableTimeout().toNanos() : schedule.waitAfterSendNanos(sendIndex);
            timer = executor.schedule(() -> {
                if (pending.get(id) != this) {
                    return;
                }
                if (last) {
                    finish();
                    future.completeExceptionally(new StunTimeoutException("no response to STUN transaction " + id
                            + " after " + (reliable ? 1 : schedule.maxTransmissions()) + " transmission(s)"));
                } else {
                    sendAndArm(sendIndex + 1);
                }
            }, wait, TimeUnit.NANOSECONDS);
        }

        void finish() {
            pending.remove(id, this);
            if (timer != null) {
                timer.cancel();
            }
        }
    }
}
