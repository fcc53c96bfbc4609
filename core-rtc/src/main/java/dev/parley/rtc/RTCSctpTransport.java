package dev.parley.rtc;

import java.util.OptionalInt;

/**
 * The W3C {@code RTCSctpTransport}: the SCTP association the data channels of a peer connection
 * share, over the bundled DTLS transport.
 */
public final class RTCSctpTransport {
    private final RTCDtlsTransport transport;
    private volatile RTCSctpTransportState state = RTCSctpTransportState.CONNECTING;
    private volatile long maxMessageSize;
    private volatile int maxChannels = -1;

    RTCSctpTransport(RTCDtlsTransport transport, long maxMessageSize) {
        this.transport = transport;
        this.maxMessageSize = maxMessageSize;
    }

    /** The W3C {@code transport}: the DTLS transport the association runs over (the bundled one). */
    public RTCDtlsTransport transport() {
        return transport;
    }

    public RTCSctpTransportState state() {
        return state;
    }

    /**
     * The largest message {@link RTCDataChannel#send} takes: the smaller of the peer's
     * {@code max-message-size} and ours (W3C "update the data max message size").
     */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** Channels usable at once: the streams the association negotiated; empty until connected. */
    public OptionalInt maxChannels() {
        int v = maxChannels;
        return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    void setState(RTCSctpTransportState state) {
        this.state = state;
    }

    void setMaxMessageSize(long bytes) {
        this.maxMessageSize = bytes;
    }

    void setMaxChannels(int channels) {
        this.maxChannels = channels;
    }
}
