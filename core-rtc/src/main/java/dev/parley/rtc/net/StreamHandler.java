package dev.parley.rtc.net;

import java.io.IOException;

/** Receives the bytes of a {@link TcpConnection}, in order, on the connection's {@link SerialExecutor}. */
public interface StreamHandler {
    /** Next bytes of the stream; a fresh array the handler owns. Framing is the caller's job. */
    void onData(TcpConnection connection, byte[] data);

    /**
     * The stream ended: {@code cause} is {@code null} for an orderly close by the peer or by
     * {@link TcpConnection#close()}, else what broke it. Called once.
     */
    default void onClosed(TcpConnection connection, IOException cause) {}
}
