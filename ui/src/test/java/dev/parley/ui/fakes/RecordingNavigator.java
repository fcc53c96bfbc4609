package dev.parley.ui.fakes;

import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.Navigator;
import dev.parley.ui.port.OutgoingCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the screen changes asked for, as "settings", "outgoing Ada", "incoming c1", "main". */
public final class RecordingNavigator implements Navigator {
    public final List<String> shown = new CopyOnWriteArrayList<>();
    public volatile OutgoingCall lastOutgoing;

    @Override
    public void applyTheme(dev.parley.ui.Theme theme) {
        shown.add("theme " + theme);
    }

    @Override
    public void startTestCall() {
        shown.add("test call");
    }

    @Override
    public void openSettings() {
        shown.add("settings");
    }

    @Override
    public void showOutgoingCall(OutgoingCall call) {
        lastOutgoing = call;
        shown.add("outgoing " + call.peerName());
    }

    @Override
    public void showIncomingCall(IncomingCall call) {
        shown.add("incoming " + call.callId());
    }

    @Override
    public void showMain() {
        shown.add("main");
    }
}
