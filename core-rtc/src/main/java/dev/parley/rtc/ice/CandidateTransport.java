package dev.parley.rtc.ice;

import java.net.InetSocketAddress;

/** How a local candidate sends: a UDP socket for host candidates, a TURN allocation for relayed ones. */
interface CandidateTransport {
    /** Sends one packet to {@code to}; false if it was dropped locally. Callable from any thread. */
    boolean send(byte[] packet, InetSocketAddress to);

    /** Releases the socket or allocation. */
    void close();
}
