package dev.parley.rtc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The W3C {@code RTCDataChannel}: a bidirectional message channel of a peer connection, carried
 * on an SCTP stream pair (RFC 8831) and announced with DCEP (RFC 8832) unless negotiated.
 *
 * <pre>
 *  connecting ──announced / association up──▶ open ──close() or peer's reset──▶ closing ──▶ closed
 *       └──────────── association failed (error event) ────────────────────────────────────▶ closed
 * </pre>
 *
 * <p>{@link #send} may be called from any thread; events come on the peer connection's executor.
 */
public final class RTCDataChannel {
    private final DataChannels owner;
    private final String label;
    private final RTCDataChannelInit init;
    private final CallbackList<RTCDataChannelListener> listeners = new CallbackList<>();
    private final AtomicLong bufferedAmount = new AtomicLong();
    private volatile long bufferedAmountLowThreshold;
    private volatile int id;
    private volatile RTCDataChannelState readyState = RTCDataChannelState.CONNECTING;
    // Statistics (W3C RTCDataChannelStats), written on the executor and in send().
    final AtomicLong messagesSent = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    volatile long messagesReceived;
    volatile long bytesReceived;
    /** In-band: messages go ordered until the peer's DATA_CHANNEL_ACK (RFC 8832 §6). */
    volatile boolean acknowledged;
    boolean incomingReset;
    boolean outgoingReset;
    boolean resetRequested;
    /** It reached open (for the stats' dataChannelsClosed and the closing procedure). */
    boolean wasOpened;
    /** Bytes on the channel's stream that are not the application's: DCEP, empty-message padding. */
    long uncountedBytes;
    /** Its place among the connection's channels, for its stats id. */
    int ordinal;

    RTCDataChannel(DataChannels owner, String label, RTCDataChannelInit init, boolean acknowledged) {
        this.owner = owner;
        this.label = label;
        this.init = init;
        this.id = init.id().orElse(-1);
        this.acknowledged = acknowledged;
    }

    /** Registers a listener for this channel's events; closing the result removes it. */
    public AutoCloseable addListener(RTCDataChannelListener listener) {
        return listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public String label() {
        return label;
    }

    public boolean ordered() {
        return init.ordered();
    }

    public OptionalInt maxPacketLifeTime() {
        return init.maxPacketLifeTime();
    }

    public OptionalInt maxRetransmits() {
        return init.maxRetransmits();
    }

    public String protocol() {
        return init.protocol();
    }

    public boolean negotiated() {
        return init.negotiated();
    }

    /** The SCTP stream id; empty until the DTLS role decides it (W3C: {@code null}). */
    public OptionalInt id() {
        int v = id;
        return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    public RTCDataChannelState readyState() {
        return readyState;
    }

    /** Bytes given to {@link #send} that have not yet gone to the network. */
    public long bufferedAmount() {
        return bufferedAmount.get();
    }

    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    public void setBufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new RTCException(RTCException.TYPE, "bufferedAmountLowThreshold is unsigned");
        }
        bufferedAmountLowThreshold = bytes;
    }

    /** Sends a text message (a string on the web). */
    public void send(String text) {
        Objects.requireNonNull(text, "text");
        send(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Sends a binary message; the bytes are copied. */
    public void send(byte[] data) {
        Objects.requireNonNull(data, "data");
        send(data.clone(), true);
    }

    /** Sends the buffer's remaining bytes as a binary message. */
    public void send(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        send(copy, true);
    }

    /**
     * W3C {@code send()}.
     *
     * @throws RTCException {@code InvalidStateError} unless open; {@code TypeError} when larger
     *     than the transport's {@code maxMessageSize}
     */
    private void send(byte[] payload, boolean binary) {
        if (readyState != RTCDataChannelState.OPEN) {
            throw new RTCException(RTCException.INVALID_STATE, "data channel \"" + label + "\" is " + readyState);
        }
        long max = owner.maxMessageSize();
        if (payload.length > max) {
            throw new RTCException(RTCException.TYPE, "a message of " + payload.length
                    + " bytes is larger than the peer's max-message-size of " + max + " bytes");
        }
        bufferedAmount.addAndGet(payload.length);
        messagesSent.incrementAndGet();
        bytesSent.addAndGet(payload.length);
        owner.send(this, payload, binary);
    }

    /** W3C {@code close()}: stops sending; the stream reset closes the channel on both sides. */
    public void close() {
        synchronized (this) {
            RTCDataChannelState state = readyState;
            if (state == RTCDataChannelState.CLOSING || state == RTCDataChannelState.CLOSED) {
                return;
            }
            readyState = RTCDataChannelState.CLOSING; // W3C: at once, so send() fails from here on
        }
        owner.close(this);
    }

    @Override
    public String toString() {
        return "RTCDataChannel[" + label + " id=" + id().stream().mapToObj(String::valueOf).findFirst().orElse("null")
                + " " + readyState + "]";
    }

    // ---- package: the data channel layer, on the executor ------------------------------------------

    RTCDataChannelInit init() {
        return init;
    }

    int rawId() {
        return id;
    }

    void assignId(int streamId) {
        this.id = streamId;
    }

    void setState(RTCDataChannelState next) {
        readyState = next;
    }

    /** Opens unless {@link #close()} got there first; returns whether it opened. */
    synchronized boolean openUnlessClosing() {
        if (readyState != RTCDataChannelState.CONNECTING) {
            return false;
        }
        readyState = RTCDataChannelState.OPEN;
        return true;
    }

    /** Bytes went to the network: bufferedAmount falls, maybe past the threshold. */
    void sent(long bytes) {
        long before = bufferedAmount.getAndAdd(-bytes);
        long after = before - bytes;
        long threshold = bufferedAmountLowThreshold;
        if (before > threshold && after <= threshold) {
            emit(RTCDataChannelListener::onBufferedAmountLow);
        }
    }

    void emit(java.util.function.Consumer<RTCDataChannelListener> event) {
        listeners.forEach(event, "data channel listener");
    }
}
