package dev.parley.ui.ringing;

import dev.parley.ui.FxThread;
import dev.parley.ui.Handles;
import dev.parley.ui.Messages;
import dev.parley.ui.port.Directory;
import dev.parley.ui.port.DirectoryListener;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.Navigator;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Someone is calling: answer with video, answer audio only, or decline. The ringing timeout
 * belongs to the directory, which reports it (or the caller cancelling) as
 * {@code onIncomingCallEnded}; the screen then closes. Only the first answer counts.
 */
public final class IncomingCallViewModel implements AutoCloseable {

    private final IncomingCall call;
    private final Directory directory;
    private final Navigator navigator;
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", true);
    private final AutoCloseable subscription;

    public IncomingCallViewModel(IncomingCall call, Directory directory, Navigator navigator, FxThread fx,
            Messages messages) {
        this.call = Objects.requireNonNull(call, "call");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        prompt.set(messages.get("incoming.prompt", call.callerName()));
        subscription = directory.addListener(new DirectoryListener() {
            @Override
            public void onIncomingCallEnded(String callId, String reason) {
                if (call.callId().equals(callId)) {
                    fx.execute(() -> {
                        if (finish()) {
                            navigator.showMain();
                        }
                    });
                }
            }
        });
    }

    public void answerWithVideo() {
        if (finish()) {
            directory.accept(call.callId(), true);
        }
    }

    public void answerAudioOnly() {
        if (finish()) {
            directory.accept(call.callId(), false);
        }
    }

    public void decline() {
        if (finish()) {
            directory.decline(call.callId());
            navigator.showMain();
        }
    }

    /** Closes the screen once; false if it was already closed. */
    private boolean finish() {
        if (!open.get()) {
            return false;
        }
        open.set(false);
        close();
        return true;
    }

    @Override
    public void close() {
        // null during addListener itself, when an event comes before the handle
        Handles.closeQuietly(subscription, "the subscription of a ringing screen");
    }

    public String callerName() { return call.callerName(); }
    /** "Ada is calling". */
    public ReadOnlyStringProperty promptProperty() { return prompt.getReadOnlyProperty(); }
    /** True while the call rings and no answer was given. */
    public ReadOnlyBooleanProperty openProperty() { return open.getReadOnlyProperty(); }
}
