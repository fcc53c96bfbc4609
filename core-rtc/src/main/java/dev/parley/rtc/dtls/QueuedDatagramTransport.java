package dev.parley.rtc.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The blocking {@link DatagramTransport} BouncyCastle's DTLS protocol wants, built on a push
 * source: datagrams arrive through {@link #offer} (from the ICE agent's thread) into a bounded
 * queue, and BouncyCastle takes them on the DTLS thread with a timeout. Sends go straight to the
 * {@link DtlsLowerTransport}.
 *
 * <p>Datagrams offered before the handshake starts wait in the queue: Chromium sends its
 * ClientHello right after its first successful STUN check, possibly before we know our role.
 */
final class QueuedDatagramTransport implements DatagramTransport {
    /** A peer's path MTU may exceed ours; accept any datagram a DTLS stack would plausibly send. */
    private static final int RECEIVE_LIMIT = 1 << 14;
    private static final byte[] CLOSED_MARKER = new byte[0];

    private final DtlsLowerTransport lower;
    private final int mtu;
    private final BlockingQueue<byte[]> queue;
    private volatile boolean closed;
    /** A datagram {@link #awaitDatagram} took; touched by the DTLS thread only. */
    private byte[] held;
    /**
     * During the handshake, records BouncyCastle sends are packed into as few datagrams as the MTU
     * allows and flushed when it next waits to receive, i.e. once per flight (RFC 6347 §4.1.1
     * allows several records per datagram; BoringSSL packs its flights the same way). BouncyCastle
     * would send each message alone, and a reordered CertificateVerify behind the
     * ChangeCipherSpec stalls its server until the handshake times out.
     */
    private final byte[] flight;
    private int flightLength;
    private boolean coalescing = true;
    private final AtomicLong droppedFull = new AtomicLong();
    private final AtomicLong droppedMalformed = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();

    QueuedDatagramTransport(DtlsLowerTransport lower, int mtu, int capacity) {
        this.lower = lower;
        this.mtu = mtu;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flight = new byte[mtu];
    }

    /**
     * Queues a received datagram; never blocks. Datagrams {@link DtlsRecordScreen} rejects are
     * counted and dropped here; other garbage goes on to BouncyCastle, which discards records that
     * fail to authenticate (RFC 6347 §4.1.2.7).
     */
    boolean offer(byte[] datagram) {
        if (closed) {
            return false;
        }
        if (!DtlsRecordScreen.plausible(datagram)) {
            droppedMalformed.incrementAndGet();
            return false;
        }
        if (!queue.offer(datagram)) {
            droppedFull.incrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Waits until a datagram is ready for {@link #receive}; true if one is, false on timeout or
     * when closed. The datagram taken from the queue is held for the next {@code receive}: only the
     * DTLS thread consumes, so no other reader can slip in between.
     */
    boolean awaitDatagram(long millis) throws InterruptedException {
        flush();
        if (held == null && !closed) {
            held = queue.poll(millis, TimeUnit.MILLISECONDS);
        }
        return held != null && held != CLOSED_MARKER && !closed;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return mtu;
    }

    /** Returns the next datagram's length, or -1 when none arrived within {@code waitMillis}. */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        flush(); // BouncyCastle sent its flight and now waits for the answer
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(waitMillis, 1));
        while (true) {
            if (closed) {
                throw new IOException("DTLS transport closed");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            byte[] d = held;
            held = null;
            try {
                if (d == null) {
                    d = queue.poll(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a datagram");
            }
            if (d == null) {
                return -1;
            }
            if (d == CLOSED_MARKER) {
                throw new IOException("DTLS transport closed");
            }
            if (d.length > len) {
                droppedMalformed.incrementAndGet(); // a record layer would reject it anyway
                continue;
            }
            System.arraycopy(d, 0, buf, off, d.length);
            return d.length;
        }
    }

    @Override
    public synchronized void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            return; // after close nothing more goes out
        }
        if (!coalescing || len > flight.length) {
            sendNow(Arrays.copyOfRange(buf, off, off + len));
            return;
        }
        if (flightLength + len > flight.length) {
            flush();
        }
        System.arraycopy(buf, off, flight, flightLength, len);
        flightLength += len;
    }

    /** Sends the packed records of the current flight, if any. */
    synchronized void flush() {
        if (flightLength > 0) {
            byte[] d = Arrays.copyOf(flight, flightLength);
            flightLength = 0;
            if (!closed) {
                sendNow(d);
            }
        }
    }

    /** After the handshake: flush the last flight and send each record as it comes. */
    synchronized void stopCoalescing() {
        flush();
        coalescing = false;
    }

    private void sendNow(byte[] datagram) {
        if (!lower.send(datagram)) {
            sendFailures.incrementAndGet(); // DTLS treats it as loss: flights are retransmitted
        }
    }

    /** Stops receiving and wakes a blocked {@link #receive}. Idempotent. */
    @Override
    public void close() {
        flush(); // BouncyCastle closes right after raising a fatal alert: the alert must still go out
        closed = true;
        queue.clear();
        queue.offer(CLOSED_MARKER);
    }

    boolean isClosed() {
        return closed;
    }

    long droppedMalformed() {
        return droppedMalformed.get();
    }

    long droppedFull() {
        return droppedFull.get();
    }

    long sendFailures() {
        return sendFailures.get();
    }
}
