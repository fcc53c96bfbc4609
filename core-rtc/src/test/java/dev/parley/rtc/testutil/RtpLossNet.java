package dev.parley.rtc.testutil;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.UdpSocket;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Net} that loses a share of the RTP datagrams its UDP sockets send, as a lossy link
 * would ({@link RtpLinkNet}: only RTP meets the loss). Seeded: the same calls lose the same packets.
 */
public final class RtpLossNet extends RtpLinkNet {
    private final double lossRate;
    private final Random random;
    private final AtomicLong dropped = new AtomicLong();

    public RtpLossNet(Net net, double lossRate, long seed) {
        super(net);
        this.lossRate = lossRate;
        this.random = new Random(seed);
    }

    /** RTP datagrams lost so far. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    protected boolean sendRtp(UdpSocket socket, byte[] data, int offset, int length, InetSocketAddress to) {
        if (lose()) {
            dropped.incrementAndGet();
            return true; // gone on the link, not refused by the socket
        }
        return socket.send(data, offset, length, to);
    }

    private boolean lose() {
        synchronized (random) {
            return random.nextDouble() < lossRate;
        }
    }
}
