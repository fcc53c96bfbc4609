package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.VirtualClock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Two {@link SctpAssociation}s joined by a {@link LossyWire} each way, on executors of one
 * {@link VirtualClock}: a whole association on a bad network, deterministic from one seed.
 *
 * <pre>
 *   A (port 5000) ── aToB ──▶ B (port 5001)
 *                 ◀── bToA ──
 * </pre>
 */
final class AssociationPair {
    static final int PORT_A = 5000;
    static final int PORT_B = 5001;
    /** One clock run at most this long in virtual time, so the clock's event budget holds on long runs. */
    private static final Duration SLICE = Duration.ofSeconds(30);

    final VirtualClock clock = new VirtualClock();
    final Endpoint a = new Endpoint("A", clock.newSerialExecutor("A"));
    final Endpoint b = new Endpoint("B", clock.newSerialExecutor("B"));
    final LossyWire aToB;
    final LossyWire bToA;

    AssociationPair(long seed) {
        this(seed, SctpSettings.defaults());
    }

    AssociationPair(long seed, SctpSettings settings) {
        this(seed, settings, settings);
    }

    AssociationPair(long seed, SctpSettings settingsA, SctpSettings settingsB) {
        aToB = new LossyWire(b.executor, bytes -> b.association.onPacket(bytes), seed * 7 + 1);
        bToA = new LossyWire(a.executor, bytes -> a.association.onPacket(bytes), seed * 7 + 2);
        a.association = new SctpAssociation(a.executor, settingsA, PORT_A, PORT_B, new SeededSecureRandom(seed * 7 + 3),
                aToB, a);
        b.association = new SctpAssociation(b.executor, settingsB, PORT_B, PORT_A, new SeededSecureRandom(seed * 7 + 4),
                bToA, b);
    }

    /** The defaults with another receive window (our a_rwnd when empty). */
    static SctpSettings withReceiveWindow(long bytes) {
        SctpSettings d = SctpSettings.defaults();
        return new SctpSettings(d.maxPacketSize(), bytes, d.maxMessageSize(), d.rtoInitial(), d.rtoMin(), d.rtoMax(),
                d.maxInitRetransmits(), d.maxRetransmits(), d.heartbeatInterval(), d.delayedAck(), d.cookieLifetime());
    }

    /** The same conditions both ways. */
    AssociationPair withConditions(LinkConditions conditions) {
        aToB.setConditions(conditions);
        bToA.setConditions(conditions);
        return this;
    }

    /** 20 ms one way, up to 10 ms of jitter (reordering), and this loss each way. */
    static LinkConditions lossy(double loss) {
        return new LinkConditions(Duration.ofMillis(20), Duration.ofMillis(10), loss);
    }

    /** Both connect at once, as WebRTC peers do (RFC 8831 §6.2); fails the test unless both get established. */
    AssociationPair establish() {
        a.association.connect();
        b.association.connect();
        assertTrue(runUntil(() -> a.state() == SctpAssociationState.ESTABLISHED
                && b.state() == SctpAssociationState.ESTABLISHED, Duration.ofMinutes(5)), this::toString);
        return this;
    }

    /**
     * Runs the clock until {@code condition} holds or {@code maxVirtual} has passed; returns whether it
     * held. Exceptions thrown by the associations come out of here.
     */
    boolean runUntil(BooleanSupplier condition, Duration maxVirtual) {
        long deadline = clock.nanoTime() + maxVirtual.toNanos();
        while (true) {
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                return condition.getAsBoolean();
            }
            if (clock.runUntil(condition, Duration.ofNanos(Math.min(left, SLICE.toNanos())))) {
                return true;
            }
        }
    }

    /** Runs the clock for {@code duration} of virtual time. */
    void run(Duration duration) {
        runUntil(() -> false, duration);
    }

    /** Both sides have nothing queued and no TSN the peer has not cumulatively acknowledged (or skipped). */
    boolean quiet() {
        return quiet(a) && quiet(b);
    }

    private static boolean quiet(Endpoint e) {
        return e.association.bytesInFlight() == 0 && (e.data() == null || !e.data().retransmissions.hasOutstanding());
    }

    static void assertEstablished(Endpoint e) {
        assertEquals(SctpAssociationState.ESTABLISHED, e.state(), e::toString);
        assertTrue(e.failures.isEmpty(), () -> e.name + " failed: " + e.failures);
    }

    @Override
    public String toString() {
        return "t=" + clock.elapsed() + " " + a + " " + b + " wire A->B " + aToB + ", B->A " + bToA;
    }
}
