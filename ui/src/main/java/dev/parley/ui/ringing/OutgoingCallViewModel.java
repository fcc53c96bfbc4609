package dev.parley.ui.ringing;

import dev.parley.ui.FxThread;
import dev.parley.ui.Handles;
import dev.parley.ui.Messages;
import dev.parley.ui.port.Navigator;
import dev.parley.ui.port.OutgoingCall;
import dev.parley.ui.port.OutgoingCallListener;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A call we placed, before the answer: "Calling…", then "Ringing…" (ringback plays while
 * {@link #ringingProperty} is true), or why it failed; cancel stops it.
 */
public final class OutgoingCallViewModel implements AutoCloseable {

    private final OutgoingCall call;
    private final Navigator navigator;
    private final Messages messages;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyBooleanWrapper ringing = new ReadOnlyBooleanWrapper(this, "ringing");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", true);
    private final AutoCloseable subscription;

    public OutgoingCallViewModel(OutgoingCall call, Navigator navigator, FxThread fx, Messages messages) {
        this.call = Objects.requireNonNull(call, "call");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.messages = Objects.requireNonNull(messages, "messages");
        status.set(messages.get("outgoing.calling", call.peerName()));
        subscription = call.addListener(new OutgoingCallListener() {
            @Override
            public void onRinging() {
                fx.execute(() -> {
                    if (open.get()) {
                        ringing.set(true);
                        status.set(messages.get("outgoing.ringing", call.peerName()));
                    }
                });
            }

            @Override
            public void onAnswered() {
                fx.execute(() -> finish());
            }

            @Override
            public void onFailed(String reason) {
                fx.execute(() -> {
                    if (finish()) {
                        status.set(messages.get("outgoing.failed", call.peerName(), reason));
                    }
                });
            }
        });
    }

    /** Stops ringing the other side and goes back to the main window. */
    public void cancel() {
        if (finish()) {
            call.cancel();
            navigator.showMain();
        }
    }

    private boolean finish() {
        if (!open.get()) {
            return false;
        }
        open.set(false);
        ringing.set(false);
        close();
        return true;
    }

    @Override
    public void close() {
        // null during addListener itself, when an event comes before the handle
        Handles.closeQuietly(subscription, "the subscription of a ringing screen");
    }

    public String peerName() { return call.peerName(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The other side rings: play ringback. */
    public ReadOnlyBooleanProperty ringingProperty() { return ringing.getReadOnlyProperty(); }
    /** False once answered, failed or cancelled. */
    public ReadOnlyBooleanProperty openProperty() { return open.getReadOnlyProperty(); }
}
