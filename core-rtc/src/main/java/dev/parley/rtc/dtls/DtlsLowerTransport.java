package dev.parley.rtc.dtls;

/**
 * Where a {@link DtlsTransport} sends its datagrams: in a call, {@code iceAgent::send} on the
 * selected pair. Received datagrams go the other way, through {@link DtlsTransport#onPacket}.
 * Called from the transport's own thread; must not block for long.
 */
@FunctionalInterface
public interface DtlsLowerTransport {

    /** Sends one datagram; false if it could not be sent (DTLS retransmits handshake flights). */
    boolean send(byte[] datagram);
}
