package dev.parley.rtc.stun;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A TURN link over a byte stream, TCP or TLS (RFC 8656 §3.1): messages are written whole and
 * cut back out of the stream by a {@link TurnStreamDeframer}.
 */
final class StreamTurnLink implements TurnLink {

    /** Where written messages go: the TCP connection itself, or the TLS layer on top of it. */
    interface ByteSink {
        boolean write(byte[] bytes);

        InetSocketAddress localAddress();

        void close();
    }

    private final Handler handler;
    private final TurnStreamDeframer deframer = new TurnStreamDeframer();
    private ByteSink sink;
    private boolean closed;
    private long droppedInbound;

    StreamTurnLink(Handler handler) {
        this.handler = handler;
    }

    void attach(ByteSink byteSink) {
        this.sink = byteSink;
    }

    /** Next bytes of the stream (plaintext, for TLS). */
    void onBytes(byte[] data) {
        if (closed) {
            return;
        }
        try {
            for (byte[] frame : deframer.push(data)) {
                handler.onMessage(frame);
                if (closed) {
                    return;
                }
            }
        } catch (StunParseException e) {
            droppedInbound++;
            closeWith(new IOException("TURN stream from the server lost its framing: " + e.getMessage(), e));
        }
    }

    /** The stream under us ended or broke. */
    void onStreamClosed(IOException cause) {
        if (!closed) {
            closed = true;
            handler.onLinkClosed(cause);
        }
    }

    private void closeWith(IOException cause) {
        close();
        handler.onLinkClosed(cause);
    }

    @Override
    public boolean send(byte[] message) {
        return !closed && sink != null && sink.write(message);
    }

    @Override
    public InetSocketAddress localAddress() {
        return sink.localAddress();
    }

    @Override
    public boolean isStream() {
        return true;
    }

    @Override
    public long droppedInbound() {
        return droppedInbound;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (sink != null) {
                sink.close();
            }
        }
    }
}
