package dev.parley.rtc.interceptor;

import dev.parley.rtc.rtp.RtcpPacket;
import java.util.List;

/**
 * Where interceptors hand the RTCP they generate. The peer connection sends the packets of one
 * call as one compound packet (RFC 3550 §6.1), protected by SRTCP. Called on the peer
 * connection's executor.
 */
@FunctionalInterface
public interface RtcpWriter {
    /** Sends {@code packets} (not empty) as one compound RTCP packet, in this order. */
    void write(List<RtcpPacket> packets);
}
