package dev.parley.rtc.stun;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The client's end of its connection to the TURN server, whatever carries it (UDP, TCP, TLS):
 * whole STUN messages and ChannelData go in and come out. Confined to the client's executor.
 */
interface TurnLink {

    /** Receives what the server sent, one message at a time, on the client's executor. */
    interface Handler {
        /** A datagram from the server, or one message cut from the stream. */
        void onMessage(byte[] message);

        /** The connection ended (streams only); {@code cause} is null for an orderly close. */
        void onLinkClosed(IOException cause);
    }

    /** Sends one message; false if the transport dropped it or is closed. */
    boolean send(byte[] message);

    /** Our end of the connection: the base of the server-reflexive candidate (RFC 8445 §5.1.1.2). */
    InetSocketAddress localAddress();

    /** True over TCP/TLS: requests are not retransmitted and ChannelData is padded. */
    boolean isStream();

    /** Bytes that arrived but were not the server's messages (foreign sources, broken framing). */
    long droppedInbound();

    void close();
}
