package dev.parley.rtc.dtls;

import java.time.Duration;

/**
 * Tunables of a {@link DtlsTransport}.
 *
 * @param mtu the largest datagram we send; BouncyCastle fragments handshake messages to fit
 *     (RFC 6347 §4.1.1.1). 1200 leaves room for IPv6, UDP and a TURN ChannelData header.
 * @param initialRetransmit the first flight retransmission timeout, doubled on each loss
 *     (RFC 6347 §4.2.4.1). RFC 6347 says 1 s; WebRTC stacks start far lower (Chromium ~50 ms)
 *     because a call waits on it.
 * @param handshakeTimeout give up (state failed) if the handshake has not finished by then
 * @param receiveQueueCapacity datagrams buffered between {@link DtlsTransport#onPacket} and the
 *     DTLS thread; more are dropped (and counted), as a full socket buffer would. 4096:
 *     SCTP advertises a 4 MiB window, ~3,700 packets the peer may send in one burst; a smaller
 *     queue dropped them while the DTLS thread decrypted, and every drop halved SCTP's cwnd
 */
public record DtlsSettings(int mtu, Duration initialRetransmit, Duration handshakeTimeout, int receiveQueueCapacity) {

    public DtlsSettings {
        if (mtu < 256 || mtu > 65507) {
            throw new IllegalArgumentException("mtu out of range: " + mtu);
        }
        if (initialRetransmit.isNegative() || initialRetransmit.isZero()
                || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (receiveQueueCapacity < 1) {
            throw new IllegalArgumentException("receiveQueueCapacity must be positive");
        }
    }

    public static DtlsSettings defaults() {
        return new DtlsSettings(1200, Duration.ofMillis(100), Duration.ofSeconds(30), 4096);
    }

    public DtlsSettings withInitialRetransmit(Duration d) {
        return new DtlsSettings(mtu, d, handshakeTimeout, receiveQueueCapacity);
    }

    public DtlsSettings withHandshakeTimeout(Duration d) {
        return new DtlsSettings(mtu, initialRetransmit, d, receiveQueueCapacity);
    }
}
