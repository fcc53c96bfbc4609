package dev.parley.rtc.stun;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.StreamHandler;
import dev.parley.rtc.net.TcpConnection;
import dev.parley.rtc.net.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Opens the {@link TurnLink} a {@link TurnServerConfig} asks for. */
final class TurnLinks {
    private TurnLinks() {}

    /** Completes on {@code executor} with a ready link (TLS handshake done), or fails with the IOException. */
    static CompletableFuture<TurnLink> open(Net net, SerialExecutor executor, TurnServerConfig config,
            TurnLink.Handler handler) {
        switch (config.transport()) {
            case UDP:
                return openUdp(net, executor, config, handler);
            case TCP:
                return openStream(net, executor, config, handler, false);
            default:
                return openStream(net, executor, config, handler, true);
        }
    }

    private static CompletableFuture<TurnLink> openUdp(Net net, SerialExecutor executor, TurnServerConfig config,
            TurnLink.Handler handler) {
        UdpTurnLink link = new UdpTurnLink(config.server(), handler);
        InetSocketAddress bind = config.localBind() != null ? config.localBind() : new InetSocketAddress(0);
        try {
            UdpSocket socket = net.openUdp(bind, link, executor);
            link.attach(socket);
            return CompletableFuture.completedFuture(link);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<TurnLink> openStream(Net net, SerialExecutor executor, TurnServerConfig config,
            TurnLink.Handler handler, boolean tls) {
        StreamTurnLink link = new StreamTurnLink(handler);
        // The connection's bytes go to the TLS layer when there is one, else straight to the link.
        TlsClientStream[] tlsLayer = new TlsClientStream[1];
        CompletableFuture<TurnLink> ready = new CompletableFuture<>();
        StreamHandler streamHandler = new StreamHandler() {
            @Override
            public void onData(TcpConnection connection, byte[] data) {
                if (tlsLayer[0] != null) {
                    tlsLayer[0].onCiphertext(data);
                } else {
                    link.onBytes(data);
                }
            }

            @Override
            public void onClosed(TcpConnection connection, IOException cause) {
                // Closed before the link was ready (during the TLS handshake): fail now, not at the deadline.
                ready.completeExceptionally(cause != null ? cause
                        : new IOException("the TURN server closed the connection during the TLS handshake"));
                link.onStreamClosed(cause);
            }
        };
        net.connectTcp(config.localBind(), config.server(), streamHandler, executor).whenComplete((connection, error) -> {
            if (error != null) {
                ready.completeExceptionally(error);
                return;
            }
            if (!tls) {
                link.attach(new StreamTurnLink.ByteSink() {
                    @Override
                    public boolean write(byte[] bytes) {
                        return connection.write(bytes);
                    }

                    @Override
                    public InetSocketAddress localAddress() {
                        return connection.localAddress();
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                });
                ready.complete(link);
                return;
            }
            SSLEngine engine;
            try {
                engine = clientEngine(config);
            } catch (NoSuchAlgorithmException e) {
                connection.close();
                ready.completeExceptionally(new IOException("no TLS context: " + e.getMessage(), e));
                return;
            }
            TlsClientStream stream = new TlsClientStream(engine, connection, link::onBytes, link::onStreamClosed);
            tlsLayer[0] = stream;
            link.attach(stream);
            // A server that accepts TCP but never finishes the handshake must not hang the allocation.
            SerialExecutor.Cancellable deadline = executor.schedule(() -> {
                if (ready.completeExceptionally(new IOException("TLS handshake with " + config.server()
                        + " did not finish within " + config.schedule().reliableTimeout().toMillis() + " ms"))) {
                    connection.close();
                }
            }, config.schedule().reliableTimeout().toNanos(), TimeUnit.NANOSECONDS);
            stream.startHandshake().whenComplete((done, handshakeError) -> {
                deadline.cancel();
                if (handshakeError != null) {
                    ready.completeExceptionally(handshakeError);
                } else {
                    ready.complete(link);
                }
            });
        });
        return ready;
    }

    /**
     * A client engine that verifies the certificate chain with the configured (or the JDK's
     * default) trust and the server name with HTTPS rules (RFC 2818 / RFC 6125).
     */
    private static SSLEngine clientEngine(TurnServerConfig config) throws NoSuchAlgorithmException {
        SSLContext context = config.sslContext() != null ? config.sslContext() : SSLContext.getDefault();
        SSLEngine engine = context.createSSLEngine(config.tlsServerName(), config.server().getPort());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(config.tlsServerName())) {
            parameters.setServerNames(List.of(new SNIHostName(config.tlsServerName())));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
