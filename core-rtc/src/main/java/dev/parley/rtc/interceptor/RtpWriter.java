package dev.parley.rtc.interceptor;

import dev.parley.rtc.rtp.RtpPacket;

/**
 * Where interceptors hand the RTP they generate (retransmissions, RFC 4588). The packet passes
 * the outgoing interceptor chain like any other, then SRTP and the socket. Called on the peer
 * connection's executor.
 */
@FunctionalInterface
public interface RtpWriter {
    void write(RtpPacket packet);
}
