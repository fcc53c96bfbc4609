package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StunClientTransactionsTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.1", 3478);

    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor executor = clock.newSerialExecutor("test");
    private final StunClientTransactions transactions = new StunClientTransactions(executor);
    private final List<Long> sendTimesMillis = new ArrayList<>();
    private final Random random = new Random(1);

    private StunMessage request() {
        return StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random)).build();
    }

    private CompletableFuture<StunResponse> start(StunMessage request, boolean reliable) {
        CompletableFuture<CompletableFuture<StunResponse>> started = new CompletableFuture<>();
        executor.execute(() -> started.complete(transactions.start(request, request.toBytes(), bytes -> {
            sendTimesMillis.add(clock.elapsed().toMillis());
            return true;
        }, RetransmissionSchedule.RFC_8489, reliable, r -> r.from().equals(SERVER))));
        clock.runPending();
        return started.join();
    }

    private StunResponse successFor(StunMessage request, InetSocketAddress from) {
        StunMessage response = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, request.transactionId())
                .add(new XorMappedAddress(new InetSocketAddress("203.0.113.9", 40000))).build();
        return new StunResponse(response, response.toBytes(), from);
    }

    @Test
    void udpRequestsAreRetransmittedOnRfc8489sScheduleThenTimeOut() {
        CompletableFuture<StunResponse> future = start(request(), false);
        clock.advance(Duration.ofMillis(39_499));
        assertFalse(future.isDone());
        clock.advance(Duration.ofMillis(1));
        // RFC 8489 §6.2.1: sends at 0, 500, 1500, 3500, 7500, 15500, 31500 ms; failure at 39500 ms.
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L), sendTimesMillis);
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        assertInstanceOf(StunTimeoutException.class, e.getCause());
        assertEquals(0, transactions.running());
    }

    @Test
    void reliableRequestsAreSentOnceAndWait39AndAHalfSeconds() {
        CompletableFuture<StunResponse> future = start(request(), true);
        clock.advance(Duration.ofMillis(39_499));
        assertFalse(future.isDone());
        clock.advance(Duration.ofMillis(1));
        assertTrue(future.isCompletedExceptionally());
        assertEquals(List.of(0L), sendTimesMillis);
    }

    @Test
    void aValidResponseCompletesTheTransactionAndStopsRetransmissions() {
        StunMessage request = request();
        CompletableFuture<StunResponse> future = start(request, false);
        clock.advance(Duration.ofMillis(600));
        StunResponse response = successFor(request, SERVER);
        executor.execute(() -> assertTrue(transactions.onResponse(response)));
        clock.runPending();
        assertSame(response, future.join());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of(0L, 500L), sendTimesMillis, "no retransmission after the response");
    }

    @Test
    void aResponseFailingValidationIsCountedAndTheTransactionKeepsWaiting() {
        StunMessage request = request();
        CompletableFuture<StunResponse> future = start(request, false);
        StunResponse forged = successFor(request, new InetSocketAddress("198.51.100.66", 3478));
        executor.execute(() -> assertTrue(transactions.onResponse(forged)));
        clock.runPending();
        assertFalse(future.isDone());
        assertEquals(1, transactions.rejectedResponses());

        StunResponse genuine = successFor(request, SERVER);
        executor.execute(() -> transactions.onResponse(genuine));
        clock.runPending();
        assertSame(genuine, future.join());
    }

    @Test
    void responsesForUnknownTransactionsAreCountedAndNotConsumed() {
        start(request(), false);
        StunResponse stray = successFor(request(), SERVER);
        executor.execute(() -> assertFalse(transactions.onResponse(stray)));
        clock.runPending();
        assertEquals(1, transactions.unmatchedResponses());
    }

    @Test
    void cancelAllCancelsEveryFutureAndStopsTimers() {
        CompletableFuture<StunResponse> a = start(request(), false);
        CompletableFuture<StunResponse> b = start(request(), true);
        executor.execute(transactions::cancelAll);
        clock.runPending();
        assertTrue(a.isCancelled());
        assertTrue(b.isCancelled());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, sendTimesMillis.size(), "nothing is sent after cancelling");
    }
}
