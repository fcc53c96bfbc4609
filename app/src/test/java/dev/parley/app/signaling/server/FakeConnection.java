package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;

/** A connection that keeps what the hub sends it, for tests on the hub's own thread. */
final class FakeConnection implements ClientConnection {
    final List<ServerMessage> received = new ArrayList<>();
    int closeCode;
    long lastHeardNanos;
    private final String label;

    FakeConnection(String label) {
        this.label = label;
    }

    @Override
    public void send(ServerMessage message) {
        received.add(message);
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    @Override
    public String describe() {
        return label;
    }

    @Override
    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Everything received since the last call, then forgets it. */
    List<ServerMessage> take() {
        List<ServerMessage> out = List.copyOf(received);
        received.clear();
        return out;
    }
}
