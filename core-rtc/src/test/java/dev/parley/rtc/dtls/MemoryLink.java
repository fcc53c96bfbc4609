package dev.parley.rtc.dtls;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One direction of an in-memory datagram link: delivers each datagram to {@code receiver},
 * optionally dropping the first {@code dropFirst} and swapping each following pair (reorder).
 */
final class MemoryLink implements DtlsLowerTransport {
    private final int dropFirst;
    private final boolean swapPairs;
    private final AtomicInteger seen = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger delivered = new AtomicInteger();
    private volatile Consumer<byte[]> receiver = d -> {};
    private byte[] heldBack;

    MemoryLink(int dropFirst, boolean swapPairs) {
        this.dropFirst = dropFirst;
        this.swapPairs = swapPairs;
    }

    static MemoryLink perfect() {
        return new MemoryLink(0, false);
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
        if (swapPairs) {
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
