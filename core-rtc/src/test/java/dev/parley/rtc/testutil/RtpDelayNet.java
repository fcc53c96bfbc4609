package dev.parley.rtc.testutil;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.UdpSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * A {@link Net} that holds back the RTP of chosen SSRCs by a fixed time before sending it, as if
 * those streams took a slower path ({@link RtpLinkNet}: RTCP, STUN and DTLS pass at once). For
 * tests of what a receiver does when one stream of a call arrives later than another. Order is
 * kept: one thread sends the held packets, each at its time.
 */
public final class RtpDelayNet extends RtpLinkNet implements AutoCloseable {
    private final long delayNanos;
    private volatile LongPredicate delayed = ssrc -> false;
    private final ScheduledExecutorService link = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "rtp-delay-link");
        t.setDaemon(true);
        return t;
    });

    public RtpDelayNet(Net net, long delayMillis) {
        super(net);
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
    }

    /** From now on, RTP of these SSRCs is held back. */
    public void delay(Set<Long> ssrcs) {
        Set<Long> copy = Set.copyOf(ssrcs);
        delayed = copy::contains;
    }

    @Override
    protected boolean sendRtp(UdpSocket socket, byte[] data, int offset, int length, InetSocketAddress to) {
        if (!delayed.test(ssrcOf(data, offset))) {
            return socket.send(data, offset, length, to);
        }
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length); // the caller reuses its buffer
        try {
            link.schedule(() -> socket.send(copy, 0, copy.length, to), delayNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // the link is closed: the packet is lost, as on a cable pulled out
        }
        return true;
    }

    @Override
    public void close() {
        link.shutdownNow();
    }
}
