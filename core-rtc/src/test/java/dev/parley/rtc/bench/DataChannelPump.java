package dev.parley.rtc.bench;

import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCDataChannelMessage;
import dev.parley.rtc.RTCDataChannelState;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sending side of the data-channel throughput benchmarks, as a browser application writes
 * it: 64 KiB binary messages, refilled up to a high-water mark of {@code bufferedAmount} at the
 * start and on every {@code bufferedamountlow} (threshold {@code low}). datachannel-bench.js's
 * {@code bench.pump} does the same in Chromium.
 */
final class DataChannelPump implements RTCDataChannelListener {
    /** The message size and the thresholds of the throughput benchmarks. */
    static final int MESSAGE_BYTES = 64 * 1024;
    static final long LOW_BYTES = 1L << 20;
    static final long HIGH_BYTES = 4L << 20;

    private final RTCDataChannel channel;
    private final byte[] message;
    private final long high;
    private volatile boolean on = true;
    private final AtomicLong messages = new AtomicLong();

    private DataChannelPump(RTCDataChannel channel, int size, long high) {
        this.channel = channel;
        this.message = new byte[size];
        new Random(5).nextBytes(message);
        this.high = high;
    }

    /** Starts sending on an open channel with the benchmarks' message size and thresholds. */
    static DataChannelPump start(RTCDataChannel channel) {
        DataChannelPump pump = new DataChannelPump(channel, MESSAGE_BYTES, HIGH_BYTES);
        channel.setBufferedAmountLowThreshold(LOW_BYTES);
        channel.addListener(pump);
        pump.fill();
        return pump;
    }

    @Override
    public void onBufferedAmountLow() {
        fill();
    }

    /** Synchronized: the first fill runs on the caller's thread, later ones on the executor. */
    private synchronized void fill() {
        while (on && channel.readyState() == RTCDataChannelState.OPEN && channel.bufferedAmount() < high) {
            channel.send(message);
            messages.incrementAndGet();
        }
    }

    long messagesSent() {
        return messages.get();
    }

    void stop() {
        on = false;
    }

    /** The receiving side: counts the bytes of every message; {@link #sample} reads the count. */
    static final class Counter implements RTCDataChannelListener {
        private final AtomicLong bytes;

        Counter() {
            this(new AtomicLong());
        }

        /** Adds to {@code bytes}, which several channels may share. */
        Counter(AtomicLong bytes) {
            this.bytes = bytes;
        }

        @Override
        public void onMessage(RTCDataChannelMessage message) {
            bytes.addAndGet(message.size());
        }

        /** Bytes so far and the time of reading ({@link System#nanoTime}). */
        long[] sample() {
            return new long[] {bytes.get(), System.nanoTime()};
        }
    }
}
