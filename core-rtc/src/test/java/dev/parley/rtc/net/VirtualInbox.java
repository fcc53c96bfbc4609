package dev.parley.rtc.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a datagram handler that remembers what it got, from whom and at which virtual time. */
final class VirtualInbox implements DatagramHandler {
    record Received(byte[] data, InetSocketAddress from, long atNanos) {
        String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final VirtualClock clock;
    final List<Received> received = new ArrayList<>();

    VirtualInbox(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public void onDatagram(byte[] data, InetSocketAddress from) {
        received.add(new Received(data, from, clock.nanoTime()));
    }

    int count() {
        return received.size();
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    List<InetSocketAddress> senders() {
        List<InetSocketAddress> senders = new ArrayList<>();
        for (Received r : received) {
            senders.add(r.from());
        }
        return senders;
    }
}
