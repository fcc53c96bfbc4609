package dev.parley.rtc.stun;

import dev.parley.rtc.net.TcpConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS client over a {@link TcpConnection}'s byte stream, driven by an {@link SSLEngine} on the
 * owner's executor (TURN over TLS, RFC 8656 §3.1). Ciphertext from the connection goes in
 * through {@link #onCiphertext}; plaintext comes out to a consumer; {@link #write} encrypts.
 * Delegated tasks (certificate checks) run inline: they are short and keep everything on one
 * thread.
 */
final class TlsClientStream implements StreamTurnLink.ByteSink {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final TcpConnection connection;
    private final Consumer<byte[]> plaintext;
    private final Consumer<IOException> failure;
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    /** Received ciphertext not yet unwrapped, kept in write mode between calls. */
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private boolean failed;

    TlsClientStream(SSLEngine engine, TcpConnection connection, Consumer<byte[]> plaintext,
            Consumer<IOException> failure) {
        this.engine = engine;
        this.connection = connection;
        this.plaintext = plaintext;
        this.failure = failure;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /** Sends the ClientHello; the future completes when the handshake is done, or fails with its error. */
    CompletableFuture<Void> startHandshake() {
        try {
            engine.beginHandshake();
            pump();
        } catch (SSLException e) {
            fail(e);
        }
        return handshake;
    }

    void onCiphertext(byte[] data) {
        if (failed) {
            return;
        }
        if (netIn.remaining() < data.length) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.position() + data.length + 4096);
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(data);
        try {
            pump();
        } catch (SSLException e) {
            fail(e);
        }
    }

    @Override
    public boolean write(byte[] bytes) {
        if (failed || !handshake.isDone()) {
            return false;
        }
        try {
            return wrapAndSend(ByteBuffer.wrap(bytes));
        } catch (SSLException e) {
            fail(e);
            return false;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return connection.localAddress();
    }

    @Override
    public void close() {
        engine.closeOutbound();
        try {
            // Best effort close_notify; the connection closes right after.
            wrapAndSend(EMPTY);
        } catch (SSLException ignored) {
            // Closing anyway.
        }
        connection.close();
    }

    /** Runs the engine until it needs bytes from the peer. */
    private void pump() throws SSLException {
        while (!failed) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
            } else if (status == HandshakeStatus.NEED_WRAP) {
                if (!wrapAndSend(EMPTY) || engine.isOutboundDone()) {
                    return;
                }
            } else if (!unwrapOnce()) {
                return;
            }
        }
    }

    /** One unwrap; false when more ciphertext is needed or the stream ended. */
    private boolean unwrapOnce() throws SSLException {
        netIn.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        noteHandshake(result);
        if (appIn.position() > 0) {
            appIn.flip();
            byte[] out = new byte[appIn.remaining()];
            appIn.get(out);
            appIn.clear();
            plaintext.accept(out);
        }
        switch (result.getStatus()) {
            case BUFFER_OVERFLOW:
                appIn = ByteBuffer.allocate(appIn.capacity() * 2);
                return true;
            case BUFFER_UNDERFLOW:
                return false;
            case CLOSED:
                failed = true;
                IOException closed = new IOException("TLS session closed by the TURN server");
                handshake.completeExceptionally(closed);
                failure.accept(closed);
                return false;
            default:
                return result.bytesConsumed() > 0 || result.bytesProduced() > 0
                        || engine.getHandshakeStatus() != HandshakeStatus.NEED_UNWRAP
                                && engine.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING;
        }
    }

    private boolean wrapAndSend(ByteBuffer source) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        do {
            SSLEngineResult result = engine.wrap(source, out);
            noteHandshake(result);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                out = ByteBuffer.allocate(out.capacity() * 2);
                continue;
            }
            if (out.position() > 0 && !connection.write(Arrays.copyOf(out.array(), out.position()))) {
                return false;
            }
            out.clear();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                return !source.hasRemaining();
            }
        } while (source.hasRemaining());
        return true;
    }

    private void noteHandshake(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED && !handshake.isDone()) {
            handshake.complete(null);
        }
    }

    private void fail(SSLException e) {
        if (failed) {
            return;
        }
        failed = true;
        IOException cause = new IOException("TLS to the TURN server failed: " + e.getMessage(), e);
        handshake.completeExceptionally(cause);
        failure.accept(cause);
        connection.close();
    }
}
