package dev.parley.ui.fakes;

import dev.parley.ui.port.ConnectionState;
import dev.parley.ui.port.Directory;
import dev.parley.ui.port.DirectoryListener;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.OutgoingCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A directory the test drives: it records what the screens asked and emits events when told. */
public final class FakeDirectory implements Directory {
    public final List<DirectoryListener> listeners = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<String> accepted = new CopyOnWriteArrayList<>();
    public final List<String> declined = new CopyOnWriteArrayList<>();
    public volatile List<String> online = new ArrayList<>();
    public volatile ConnectionState state = ConnectionState.CONNECTED;

    @Override
    public List<String> onlineNames() {
        return List.copyOf(online);
    }

    @Override
    public ConnectionState connectionState() {
        return state;
    }

    @Override
    public OutgoingCall call(String name) {
        calls.add(name);
        return new FakeOutgoingCall(name);
    }

    /** Recorded as "callId video" or "callId audio". */
    @Override
    public void accept(String callId, boolean withVideo) {
        accepted.add(callId + (withVideo ? " video" : " audio"));
    }

    @Override
    public void decline(String callId) {
        declined.add(callId);
    }

    @Override
    public AutoCloseable addListener(DirectoryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void emit(Consumer<DirectoryListener> event) {
        listeners.forEach(event);
    }

    public void ring(IncomingCall call) {
        emit(l -> l.onIncomingCall(call));
    }
}
