package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Numbered messages of seeded random sizes and contents from one endpoint to the other, each on
 * one of a few channels (stream, ordered or not, reliability), and the receiving side's checks.
 *
 * <p>A message carries its number in the PPID (so even a 1-byte message is identified); its bytes
 * are a function of (seed, stream, number, size), so the receiver regenerates them and compares
 * every byte without the sender keeping anything. Checks on arrival, failing the test at once by
 * throwing out of the clock: known stream, right U flag, sent, not delivered before, intact; on an
 * ordered channel numbers strictly increase, and on a reliable ordered one they are consecutive.
 *
 * <p>The sender keeps about {@code queueLimit} bytes queued and not yet sent, topping up whenever
 * bytes leave its queue (sent, or dropped when their lifetime passed), so a transfer of gigabytes
 * holds only a few megabytes at a time. (Bytes in flight would not do as the measure: their
 * acknowledgement calls no one back.)
 */
final class Traffic {
    /** One stream of the traffic and how its messages are sent. */
    record Channel(int streamId, boolean unordered, Reliability reliability) {
        boolean reliable() {
            return reliability instanceof Reliability.Reliable;
        }
    }

    private static final class ChannelState {
        final Channel channel;
        int[] sizes = new int[256];
        int sent;
        final BitSet delivered = new BitSet();
        int deliveredCount;
        long lastDelivered = -1;

        ChannelState(Channel channel) {
            this.channel = channel;
        }
    }

    private final Endpoint from;
    private final long seed;
    private final int count;
    private final int minSize;
    private final int maxSize;
    private final boolean logUniform;
    private final long queueLimit;
    private final List<ChannelState> channels = new ArrayList<>();
    private final ChannelState[] byStream = new ChannelState[65536];
    private final Random random;
    private int sent;
    private boolean pumpScheduled;
    long bytesSent;
    long bytesDelivered;
    int messagesDelivered;
    int smallestSent = Integer.MAX_VALUE;
    int largestSent;

    /**
     * @param logUniform sizes log-uniform in [minSize, maxSize] (most small, some large) rather than uniform
     */
    Traffic(Endpoint from, Endpoint to, long seed, int count, int minSize, int maxSize, boolean logUniform,
            long queueLimit, List<Channel> channelList) {
        this.from = from;
        this.seed = seed;
        this.count = count;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.logUniform = logUniform;
        this.queueLimit = queueLimit;
        this.random = new Random(seed);
        for (Channel c : channelList) {
            ChannelState state = new ChannelState(c);
            channels.add(state);
            byStream[c.streamId()] = state;
        }
        from.onBytesSent = this::schedulePump;
        to.onMessage = this::onMessage;
    }

    /** Starts sending (on the sender's executor). */
    Traffic start() {
        schedulePump();
        return this;
    }

    boolean allSent() {
        return sent == count;
    }

    /** Every message of every reliable channel arrived, and all were sent. */
    boolean reliableDone() {
        if (!allSent()) {
            return false;
        }
        for (ChannelState c : channels) {
            if (c.channel.reliable() && c.deliveredCount != c.sent) {
                return false;
            }
        }
        return true;
    }

    int sent(Channel channel) {
        return byStream[channel.streamId()].sent;
    }

    int delivered(Channel channel) {
        return byStream[channel.streamId()].deliveredCount;
    }

    /** Messages sent on the channel and never delivered. */
    int missing(Channel channel) {
        ChannelState c = byStream[channel.streamId()];
        return c.sent - c.deliveredCount;
    }

    private void schedulePump() {
        if (!pumpScheduled && sent < count) {
            pumpScheduled = true;
            from.executor.execute(this::pump);
        }
    }

    private void pump() {
        pumpScheduled = false;
        while (sent < count && from.data().sendQueue.totalBufferedAmount() < queueLimit) {
            ChannelState c = channels.get(random.nextInt(channels.size()));
            int size = nextSize();
            int index = c.sent++;
            if (index == c.sizes.length) {
                c.sizes = Arrays.copyOf(c.sizes, index * 2);
            }
            c.sizes[index] = size;
            sent++;
            bytesSent += size;
            smallestSent = Math.min(smallestSent, size);
            largestSent = Math.max(largestSent, size);
            from.association.send(c.channel.streamId(), index, payload(seed, c.channel.streamId(), index, size),
                    c.channel.unordered(), c.channel.reliability());
        }
    }

    /** The first message has the smallest size and the second the largest, so every run spans the range. */
    private int nextSize() {
        if (sent == 0) {
            return minSize;
        }
        if (sent == 1) {
            return maxSize;
        }
        if (!logUniform) {
            return minSize + random.nextInt(maxSize - minSize + 1);
        }
        double lo = Math.log(minSize);
        double hi = Math.log(maxSize + 1.0);
        return Math.min(maxSize, (int) Math.exp(lo + random.nextDouble() * (hi - lo)));
    }

    private void onMessage(SctpMessage m) {
        ChannelState c = byStream[m.streamId()];
        if (c == null) {
            throw new AssertionError("message on stream " + m.streamId() + " nobody sent on");
        }
        long index = m.ppid();
        String what = "stream " + m.streamId() + " message " + index;
        if (m.unordered() != c.channel.unordered()) {
            throw new AssertionError(what + " arrived with U=" + m.unordered());
        }
        if (index >= c.sent) {
            throw new AssertionError(what + " was never sent");
        }
        if (c.delivered.get((int) index)) {
            throw new AssertionError(what + " arrived twice");
        }
        int size = c.sizes[(int) index];
        if (m.payload().length != size || !Arrays.equals(m.payload(), payload(seed, m.streamId(), index, size))) {
            throw new AssertionError(what + " is corrupt: " + m.payload().length + " bytes, " + size + " sent");
        }
        if (!c.channel.unordered()) {
            if (index <= c.lastDelivered) {
                throw new AssertionError(what + " arrived after message " + c.lastDelivered);
            }
            if (c.channel.reliable() && index != c.lastDelivered + 1) {
                throw new AssertionError(what + " arrived, but " + (c.lastDelivered + 1) + " never did");
            }
        }
        c.lastDelivered = index;
        c.delivered.set((int) index);
        c.deliveredCount++;
        messagesDelivered++;
        bytesDelivered += size;
    }

    /** The bytes of message {@code index} on {@code stream}: any size, any seed, always the same. */
    static byte[] payload(long seed, int stream, long index, int size) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + index);
        byte[] bytes = new byte[size];
        int i = 0;
        while (i + 8 <= size) {
            long v = r.nextLong();
            for (int k = 0; k < 8; k++) {
                bytes[i++] = (byte) (v >>> (8 * k));
            }
        }
        long v = r.nextLong();
        while (i < size) {
            bytes[i++] = (byte) v;
            v >>>= 8;
        }
        return bytes;
    }

    static void assertAllDelivered(Traffic t) {
        assertEquals(t.sent, t.messagesDelivered, "messages delivered");
        assertEquals(t.bytesSent, t.bytesDelivered, "bytes delivered");
    }
}
