package dev.parley.rtc.dtls;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One direction of an in-memory datagram link: delivers each datagram to {@code receiver},
 * optionally dropping the first {@code dropFirst} and then swapping the next
 * {@code swapFirstPairs} pairs (reordering). Reordering is limited to the start: a link that swaps
 * every pair forever reorders each retransmission the same way, which no network does.
 */
final class MemoryLink implements DtlsLowerTransport {
    private final int dropFirst;
    private final int swapFirstPairs;
    private int swapped;
    private final AtomicInteger seen = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger delivered = new AtomicInteger();
    private volatile Consumer<byte[]> receiver = d -> {};
    private byte[] heldBack;

    MemoryLink(int dropFirst, int swapFirstPairs) {
        this.dropFirst = dropFirst;
        this.swapFirstPairs = swapFirstPairs;
    }

    static MemoryLink perfect() {
        return new MemoryLink(0, 0);
    }

    /** Loses everything. */
    static MemoryLink blackHole() {
        return new MemoryLink(Integer.MAX_VALUE, 0);
    }

    void connectTo(Consumer<byte[]> receiver) {
        this.receiver = receiver;
    }

    @Override
    public synchronized boolean send(byte[] datagram) {
        if (seen.getAndIncrement() < dropFirst) {
            dropped.incrementAndGet();
            return true; // lost on the wire: the sender cannot tell
        }
        if (swapped < swapFirstPairs) {
            if (heldBack == null) {
                heldBack = datagram;
                // A lone datagram must not wait forever: release it after a short while.
                byte[] mine = datagram;
                new Thread(() -> {
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        return;
                    }
                    releaseIfStillHeld(mine);
                }, "memory-link-release").start();
                return true;
            }
            swapped++;
            deliver(datagram);
            deliver(heldBack);
            heldBack = null;
            return true;
        }
        deliver(datagram);
        return true;
    }

    private synchronized void releaseIfStillHeld(byte[] d) {
        if (heldBack == d) {
            heldBack = null;
            deliver(d);
        }
    }

    private void deliver(byte[] d) {
        delivered.incrementAndGet();
        receiver.accept(d);
    }
}
