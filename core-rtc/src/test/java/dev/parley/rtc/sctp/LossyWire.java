package dev.parley.rtc.sctp;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.SerialExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One direction of a seeded, impaired link between two SCTP associations on one virtual clock:
 * each packet handed to {@link #accept} is, in this order, dropped or changed by the test's rules,
 * dropped at random ({@link LinkConditions#lossProbability()}), queued behind the packets ahead
 * of it on an optional bottleneck (drop-tail when its queue is full), then delivered to the
 * receiver's executor after the one-way delay plus a jitter drawn per packet — so packets sent
 * close together can swap places.
 *
 * <pre>
 *   sender ──▶ rules (drop next N matching, tamper, cut) ──▶ random loss ──▶ bottleneck queue
 *          ──▶ delay + U[0, jitter] ──▶ receiver.onPacket on its executor
 * </pre>
 */
final class LossyWire implements Consumer<byte[]> {
    private final SerialExecutor receiverExecutor;
    private final Consumer<byte[]> receiver;
    private final Random random;
    private LinkConditions conditions = LinkConditions.PERFECT;
    private long bitsPerSecond;
    private long queueBytes;
    private long linkFreeAtNanos;
    private boolean cut;
    private final List<DropRule> dropRules = new ArrayList<>();
    private UnaryOperator<byte[]> tamper;
    private Consumer<SctpPacket> observer;

    long packetsIn;
    long randomlyLost;
    long queueDrops;
    long droppedByRule;
    long delivered;
    long bytesDelivered;

    private static final class DropRule {
        final Predicate<SctpPacket> which;
        int remaining;

        DropRule(Predicate<SctpPacket> which, int remaining) {
            this.which = which;
            this.remaining = remaining;
        }
    }

    LossyWire(SerialExecutor receiverExecutor, Consumer<byte[]> receiver, long seed) {
        this.receiverExecutor = Objects.requireNonNull(receiverExecutor);
        this.receiver = Objects.requireNonNull(receiver);
        this.random = new Random(seed);
    }

    void setConditions(LinkConditions conditions) {
        this.conditions = Objects.requireNonNull(conditions);
    }

    /** A bottleneck of {@code bitsPerSecond} with a drop-tail queue of {@code queueBytes}; 0 for none. */
    void setBottleneck(long bitsPerSecond, long queueBytes) {
        this.bitsPerSecond = bitsPerSecond;
        this.queueBytes = queueBytes;
    }

    /** Drops the next {@code count} packets that match (before random loss, which they don't use up). */
    void dropNext(Predicate<SctpPacket> which, int count) {
        dropRules.add(new DropRule(which, count));
    }

    /** Rewrites every packet: return the bytes to send on, or null to drop it. */
    void setTamper(UnaryOperator<byte[]> tamper) {
        this.tamper = tamper;
    }

    /** Sees every packet offered to the wire, parsed, whether or not it gets through. */
    void setObserver(Consumer<SctpPacket> observer) {
        this.observer = observer;
    }

    /** While cut, nothing gets through (the peer "stops answering"). */
    void setCut(boolean cut) {
        this.cut = cut;
    }

    @Override
    public void accept(byte[] packet) {
        packetsIn++;
        if (observer != null || !dropRules.isEmpty()) {
            SctpPacket parsed = parse(packet);
            if (observer != null) {
                observer.accept(parsed);
            }
            for (DropRule rule : dropRules) {
                if (rule.remaining > 0 && rule.which.test(parsed)) {
                    rule.remaining--;
                    droppedByRule++;
                    return;
                }
            }
        }
        if (cut) {
            droppedByRule++;
            return;
        }
        byte[] bytes = packet;
        if (tamper != null) {
            bytes = tamper.apply(packet.clone());
            if (bytes == null) {
                droppedByRule++;
                return;
            }
        }
        if (conditions.lossProbability() > 0 && random.nextDouble() < conditions.lossProbability()) {
            randomlyLost++;
            return;
        }
        long now = receiverExecutor.nanoTime();
        long departure = now;
        if (bitsPerSecond > 0) {
            long start = Math.max(now, linkFreeAtNanos);
            long waitingBytes = (start - now) * bitsPerSecond / 8 / 1_000_000_000L;
            if (waitingBytes + bytes.length > queueBytes) {
                queueDrops++;
                return;
            }
            linkFreeAtNanos = start + bytes.length * 8L * 1_000_000_000L / bitsPerSecond;
            departure = linkFreeAtNanos;
        }
        long jitter = conditions.jitter().toNanos();
        long delay = departure - now + conditions.delay().toNanos()
                + (jitter > 0 ? (long) (random.nextDouble() * jitter) : 0);
        byte[] out = bytes;
        receiverExecutor.schedule(() -> {
            delivered++;
            bytesDelivered += out.length;
            receiver.accept(out);
        }, delay, TimeUnit.NANOSECONDS);
    }

    /** Parses a packet an association sent: one that does not parse fails the test. */
    static SctpPacket parse(byte[] packet) {
        try {
            return SctpPacket.parse(packet);
        } catch (SctpParseException e) {
            throw new AssertionError("an association sent a packet that does not parse: " + e.getMessage(), e);
        }
    }

    /** Matches packets holding a chunk of this type. */
    static Predicate<SctpPacket> with(Class<? extends Chunk> type) {
        return p -> p.chunks().stream().anyMatch(type::isInstance);
    }

    @Override
    public String toString() {
        return "in=" + packetsIn + " lost=" + randomlyLost + " queueDrops=" + queueDrops + " ruleDrops="
                + droppedByRule + " delivered=" + delivered;
    }
}
