package dev.parley.rtc.stun;

import dev.parley.rtc.net.DatagramHandler;
import dev.parley.rtc.net.UdpSocket;
import java.net.InetSocketAddress;

/** A TURN link over a UDP socket: one message a datagram, only datagrams from the server count. */
final class UdpTurnLink implements TurnLink, DatagramHandler {
    private final InetSocketAddress server;
    private final Handler handler;
    private UdpSocket socket;
    private long droppedInbound;

    UdpTurnLink(InetSocketAddress server, Handler handler) {
        this.server = server;
        this.handler = handler;
    }

    void attach(UdpSocket boundSocket) {
        this.socket = boundSocket;
    }

    @Override
    public void onDatagram(byte[] data, InetSocketAddress from) {
        // Relayed data reaches us through the server too; anything from elsewhere is not TURN.
        if (!server.equals(from)) {
            droppedInbound++;
            return;
        }
        handler.onMessage(data);
    }

    @Override
    public boolean send(byte[] message) {
        return socket != null && socket.send(message, server);
    }

    @Override
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    @Override
    public boolean isStream() {
        return false;
    }

    @Override
    public long droppedInbound() {
        return droppedInbound;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
