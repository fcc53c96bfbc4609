package dev.parley.rtc.testutil;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.StunParseException;
import dev.parley.rtc.stun.XorMappedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A minimal STUN server for tests on a {@link Net} (usually a public host of the virtual network):
 * it answers Binding requests with the source address it saw (RFC 8489 §10.1.1, no auth).
 */
public final class StunBindingServer implements AutoCloseable {
    private final UdpSocket socket;
    private volatile long answered;

    public StunBindingServer(Net net, InetSocketAddress bind) throws IOException {
        SerialExecutor executor = net.newSerialExecutor("stun-server");
        socket = net.openUdp(bind, this::onDatagram, executor);
    }

    public InetSocketAddress address() {
        return socket.localAddress();
    }

    public long answered() {
        return answered;
    }

    private void onDatagram(byte[] data, InetSocketAddress from) {
        StunMessage request;
        try {
            request = StunMessage.parse(data);
        } catch (StunParseException e) {
            return;
        }
        if (request.messageClass() != StunClass.REQUEST || !request.method().equals(StunMethod.BINDING)) {
            return;
        }
        byte[] response = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, request.transactionId())
                .add(new XorMappedAddress(from)).addFingerprint().toBytes();
        socket.send(response, from);
        answered++;
    }

    @Override
    public void close() {
        socket.close();
    }
}
