package dev.parley.ui.fakes;

import dev.parley.ui.port.OutgoingCall;
import dev.parley.ui.port.OutgoingCallListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

public final class FakeOutgoingCall implements OutgoingCall {
    public final List<OutgoingCallListener> listeners = new CopyOnWriteArrayList<>();
    private final String peer;
    public volatile int cancels;

    public FakeOutgoingCall(String peer) {
        this.peer = peer;
    }

    @Override
    public String peerName() {
        return peer;
    }

    @Override
    public void cancel() {
        cancels++;
    }

    @Override
    public AutoCloseable addListener(OutgoingCallListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void emit(Consumer<OutgoingCallListener> event) {
        listeners.forEach(event);
    }
}
