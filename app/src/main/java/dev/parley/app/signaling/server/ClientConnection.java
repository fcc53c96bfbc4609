package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ServerMessage;

/** One client's WebSocket as the hub sees it: its identity is this object, never a field the client wrote. */
interface ClientConnection {

    /** Queues a message for the client; never blocks and never throws (a dead socket drops it). */
    void send(ServerMessage message);

    /** Closes with an RFC 6455 §7.4 status code. */
    void close(int code, String reason);

    /** Where the connection comes from, for logs (an address, never a name or token). */
    String describe();

    /** {@link System#nanoTime()} when the client's last message arrived (or the connection opened). */
    long lastHeardNanos();
}
