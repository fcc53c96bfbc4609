package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The send side on a simulated path: a deterministic discrete-event model in virtual time of a
 * bottleneck link (bandwidth, drop-tail buffer, one-way delay, seeded random loss both ways) and a
 * small reference receiver written here from RFC 9260 §6.2 and §6.7 (cumulative TSN, gap ack
 * blocks, duplicate TSNs, SACK every second packet or after 200 ms, at once when out of order).
 * The sender is what the association will be: {@link RetransmissionQueue} with {@link SendQueue},
 * {@link CongestionControl} and {@link RtoEstimator}, plus a T3-rtx timer driven by the
 * {@link RetransmissionQueue.T3Action}s, and an application that keeps the send buffer topped up
 * from the buffered-amount-low callback.
 *
 * <p>Asserts that every message arrives exactly once and intact; prints the goodput. The only
 * speed assertion is a generous floor for the loss-free run — virtual time, so deterministic.
 */
class SctpSendSimulationTest {
    private static final long MS = 1_000_000L;
    private static final int MTU = 1200;
    private static final int CHUNK_ROOM = MTU - 12; // SCTP common header
    private static final int MAX_DATA_PAYLOAD = CHUNK_ROOM - DataChunk.HEADER_SIZE;
    /** IPv4 20 + UDP 8 + DTLS 1.2 record with AES-GCM 29, on top of the SCTP packet. */
    private static final int LOWER_LAYER_OVERHEAD = 57;
    private static final int MESSAGE_SIZE = 16 * 1024;
    private static final long TOTAL_BYTES = 20L * 1024 * 1024;

    record Path(long rttNanos, long bitsPerSecond, double lossRate, long bufferBytes, long receiverWindow, long seed) {
        static Path of(long rttMs, long mbps, double lossRate) {
            long bdp = mbps * 1_000_000 / 8 * rttMs / 1000;
            return new Path(rttMs * MS, mbps * 1_000_000, lossRate, Math.max(bdp, 64 * 1024), 5L * 1024 * 1024, 42);
        }
    }

    record Outcome(double goodputMbps, double seconds, long delivered, long retransmitted, long fastRecoveries,
                   long t3Expiries, long randomLosses, long bufferDrops, long maxCwnd) {}

    @Test
    void twentyMegabytesAt50MsRttAnd100MbpsWithoutLossFillThePipe() {
        Outcome o = run("50 ms, 100 Mbit/s, 0% loss", Path.of(50, 100, 0.0));
        assertTrue(o.goodputMbps() > 20, "goodput " + o.goodputMbps());
    }

    @Test
    void twentyMegabytesAt50MsRttAnd100MbpsWithOnePercentLossAllArrive() {
        Outcome o = run("50 ms, 100 Mbit/s, 1% loss", Path.of(50, 100, 0.01));
        assertTrue(o.randomLosses() > 0 && o.retransmitted() > 0);
    }

    @Test
    void printsHowGoodputScalesWithRttAndLoss() {
        for (long rtt : new long[] {10, 200}) {
            run(rtt + " ms, 100 Mbit/s, 0% loss", Path.of(rtt, 100, 0.0));
        }
        run("50 ms, 100 Mbit/s, 0.1% loss", Path.of(50, 100, 0.001));
    }

    private Outcome run(String name, Path path) {
        Simulation sim = new Simulation(path);
        sim.run();
        Outcome o = sim.outcome();
        System.out.printf("SCTP send simulation [%s]: %.1f Mbit/s goodput, %d bytes in %.2f s virtual;"
                        + " %d chunks retransmitted, %d fast recoveries, %d T3 expiries,"
                        + " %d random losses, %d buffer drops, max cwnd %d%n",
                name, o.goodputMbps(), o.delivered(), o.seconds(), o.retransmitted(), o.fastRecoveries(),
                o.t3Expiries(), o.randomLosses(), o.bufferDrops(), o.maxCwnd());
        assertEquals(TOTAL_BYTES, o.delivered());
        return o;
    }

    /** The event loop, the link, the sender and the application. */
    private static final class Simulation {
        private final Path path;
        private final Random random;
        private final PriorityQueue<Event> events = new PriorityQueue<>();
        private long now;
        private long seq;
        // link, sender -> receiver
        private long linkFreeAt;
        private long bufferedOnLink;
        private long randomLosses;
        private long bufferDrops;
        // sender
        private final SendQueue sendQueue;
        private final CongestionControl cc;
        private final RetransmissionQueue rq;
        private long t3Generation;
        private boolean t3Running;
        private int messagesQueued;
        private long maxCwnd;
        private final Receiver receiver;

        Simulation(Path path) {
            this.path = path;
            this.random = new Random(path.seed());
            this.sendQueue = new SendQueue(MAX_DATA_PAYLOAD, streamId -> topUp());
            this.cc = new CongestionControl(MTU, path.receiverWindow());
            long initialTsn = 0xFFFF_FF00L; // wraps during the run
            this.rq = new RetransmissionQueue(sendQueue, cc, new RtoEstimator(), initialTsn, path.receiverWindow());
            this.receiver = new Receiver(this, initialTsn, path.receiverWindow());
            sendQueue.setBufferedAmountLowThreshold(0, 256 * 1024);
        }

        void run() {
            topUp();
            trySend();
            long limit = 3_600_000 * MS;
            while (!events.isEmpty() && !(rq.isEmpty() && messagesQueued * (long) MESSAGE_SIZE == TOTAL_BYTES)) {
                Event e = events.poll();
                now = e.at;
                if (now > limit) {
                    throw new AssertionError("no progress: " + rq.cumulativeTsnAck() + " " + cc);
                }
                e.action.run();
            }
            assertTrue(rq.isEmpty(), "sender still has data");
        }

        Outcome outcome() {
            double seconds = receiver.lastDeliveryAt / 1e9;
            return new Outcome(receiver.deliveredBytes * 8 / seconds / 1e6, seconds, receiver.deliveredBytes,
                    rq.chunksRetransmitted(), cc.fastRecoveries(), cc.t3Expiries(), randomLosses, bufferDrops,
                    maxCwnd);
        }

        /** The application: keep about 1 MiB queued, as a file sender on bufferedamountlow would. */
        private void topUp() {
            while (sendQueue.bufferedAmount(0) < 1024 * 1024 && messagesQueued * (long) MESSAGE_SIZE < TOTAL_BYTES) {
                sendQueue.enqueue(0, 53, Receiver.message(messagesQueued++), false, Reliability.reliable(), now);
            }
        }

        private void trySend() {
            while (true) {
                List<DataChunk> packet = rq.nextToSend(now, CHUNK_ROOM);
                if (packet.isEmpty()) {
                    break;
                }
                maxCwnd = Math.max(maxCwnd, cc.cwnd());
                transmit(packet);
                if (!t3Running) {
                    startT3(); // RFC 9260 §6.3.2 R1
                }
            }
        }

        private void transmit(List<DataChunk> packet) {
            int size = 12 + LOWER_LAYER_OVERHEAD;
            for (DataChunk c : packet) {
                size += (c.wireLength() + 3) & ~3;
            }
            if (random.nextDouble() < path.lossRate()) {
                randomLosses++;
                return;
            }
            if (bufferedOnLink + size > path.bufferBytes()) {
                bufferDrops++;
                return;
            }
            long start = Math.max(now, linkFreeAt);
            long done = start + size * 8L * 1_000_000_000L / path.bitsPerSecond();
            linkFreeAt = done;
            bufferedOnLink += size;
            final int bytes = size;
            at(done, () -> bufferedOnLink -= bytes);
            at(done + path.rttNanos() / 2, () -> receiver.onPacket(packet));
        }

        /** The reverse path: SACKs are small, only delayed and sometimes lost. */
        void sendSack(SackChunk sack) {
            if (random.nextDouble() < path.lossRate()) {
                randomLosses++;
                return;
            }
            at(now + path.rttNanos() / 2, () -> onSack(sack));
        }

        private void onSack(SackChunk sack) {
            RetransmissionQueue.SackResult r = rq.onSack(sack, now);
            assertTrue(rq.consistent(), "bookkeeping after SACK " + sack.cumulativeTsnAck());
            switch (r.t3()) {
                case STOP -> stopT3();
                case RESTART -> startT3();
                case START_IF_STOPPED -> {
                    if (!t3Running) {
                        startT3();
                    }
                }
                case NONE -> { }
            }
            trySend();
        }

        private void onT3(long generation) {
            if (generation != t3Generation || !t3Running) {
                return;
            }
            t3Running = false;
            rq.onT3Expired(now);
            assertTrue(rq.consistent(), "bookkeeping after T3-rtx");
            trySend();
            if (!t3Running && rq.hasOutstanding()) {
                startT3();
            }
        }

        private void startT3() {
            long generation = ++t3Generation;
            t3Running = true;
            at(now + rq.rtoNanos(), () -> onT3(generation));
        }

        private void stopT3() {
            t3Generation++;
            t3Running = false;
        }

        void at(long time, Runnable action) {
            events.add(new Event(time, seq++, action));
        }

        long now() {
            return now;
        }
    }

    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    /**
     * A reference receiver (RFC 9260 §6.2, §6.7): tracks the cumulative TSN and the chunks held
     * above it, SACKs every second packet, after 200 ms at the latest, and at once while a gap is
     * open or when a duplicate arrives; its a_rwnd is its window less the bytes it holds out of
     * order. Delivers in TSN order (one ordered stream) and checks each message's bytes.
     */
    private static final class Receiver {
        private final Simulation sim;
        private final long window;
        private long cumTsn;
        /** Chunks above the cumulative TSN, keyed by TSN unwrapped to 64 bits. */
        private final TreeMap<Long, DataChunk> above = new TreeMap<>();
        private long cumAbsolute = 1L << 40;
        private long heldBytes;
        private final List<Long> duplicates = new ArrayList<>();
        private int unackedPackets;
        private long delayedAckGeneration;
        private final ByteArrayOutputStream reassembly = new ByteArrayOutputStream();
        private int nextMessage;
        long deliveredBytes;
        long lastDeliveryAt;

        Receiver(Simulation sim, long initialTsn, long window) {
            this.sim = sim;
            this.window = window;
            this.cumTsn = Tsn.add(initialTsn, -1);
        }

        static byte[] message(int index) {
            byte[] b = new byte[MESSAGE_SIZE];
            new Random(index).nextBytes(b);
            b[0] = (byte) (index >>> 24);
            b[1] = (byte) (index >>> 16);
            b[2] = (byte) (index >>> 8);
            b[3] = (byte) index;
            return b;
        }

        void onPacket(List<DataChunk> chunks) {
            boolean hadGap = !above.isEmpty();
            boolean duplicate = false;
            for (DataChunk c : chunks) {
                long d = Tsn.distance(cumTsn, c.tsn());
                if (d <= 0 || above.containsKey(cumAbsolute + d)) {
                    duplicates.add(c.tsn());
                    duplicate = true;
                    continue;
                }
                above.put(cumAbsolute + d, c);
                heldBytes += c.userData().length;
            }
            while (!above.isEmpty() && above.firstKey() == cumAbsolute + 1) {
                DataChunk c = above.pollFirstEntry().getValue();
                heldBytes -= c.userData().length;
                cumAbsolute++;
                cumTsn = c.tsn();
                deliver(c);
            }
            unackedPackets++;
            if (duplicate || hadGap || !above.isEmpty() || unackedPackets >= 2) {
                sendSack();
            } else {
                long generation = ++delayedAckGeneration;
                sim.at(sim.now() + 200 * MS, () -> {
                    if (generation == delayedAckGeneration && unackedPackets > 0) {
                        sendSack();
                    }
                });
            }
        }

        private void deliver(DataChunk c) {
            assertEquals(c.beginning(), reassembly.size() == 0, "B flag at TSN " + c.tsn());
            reassembly.writeBytes(c.userData());
            if (c.ending()) {
                byte[] m = reassembly.toByteArray();
                reassembly.reset();
                assertArrayEquals(message(nextMessage), m, "message " + nextMessage);
                assertEquals(nextMessage & 0xFFFF, c.ssn());
                nextMessage++;
                deliveredBytes += m.length;
                lastDeliveryAt = sim.now();
            }
        }

        private void sendSack() {
            unackedPackets = 0;
            delayedAckGeneration++;
            List<GapAckBlock> blocks = new ArrayList<>();
            long start = -1;
            long end = -1;
            for (long key : above.keySet()) {
                long offset = key - cumAbsolute;
                if (start < 0) {
                    start = end = offset;
                } else if (offset == end + 1) {
                    end = offset;
                } else {
                    blocks.add(new GapAckBlock((int) start, (int) end));
                    start = end = offset;
                }
            }
            if (start >= 0) {
                blocks.add(new GapAckBlock((int) start, (int) end));
            }
            List<Long> dups = List.copyOf(duplicates);
            duplicates.clear();
            sim.sendSack(new SackChunk(cumTsn, Math.max(0, window - heldBytes), blocks, dups));
        }
    }
}
