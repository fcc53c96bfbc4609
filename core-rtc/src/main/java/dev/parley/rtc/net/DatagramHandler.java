package dev.parley.rtc.net;

import java.net.InetSocketAddress;

/** Receives datagrams from a {@link UdpSocket}, on the socket's {@link SerialExecutor}. */
@FunctionalInterface
public interface DatagramHandler {
    /**
     * @param data the datagram; a fresh array the handler owns
     * @param from the sender's address and port
     */
    void onDatagram(byte[] data, InetSocketAddress from);
}
