package dev.parley.rtc.sctp;

import dev.parley.rtc.net.SerialExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One side of an {@link AssociationPair}: the association and a listener that records what it
 * was told, on its executor, in order. Messages go to {@link #messages} unless a test sets its
 * own {@link #onMessage} (a long transfer checks and forgets them).
 */
final class Endpoint implements SctpAssociationListener {
    final String name;
    final SerialExecutor executor;
    SctpAssociation association;

    final List<SctpAssociationState> states = new ArrayList<>();
    final List<SctpMessage> messages = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<List<Integer>> incomingResets = new ArrayList<>();
    final List<List<Integer>> outgoingResets = new ArrayList<>();
    /** Messages (as "msg sid/ppid"), resets and failures in the order they happened. */
    final List<String> events = new ArrayList<>();
    Consumer<SctpMessage> onMessage = messages::add;
    /** Runs after each onBytesSent: a sender topping up its queue. */
    Runnable onBytesSent = () -> {};
    /** Runs after each onIncomingStreamsReset, with the streams (a data channel resets its own side). */
    Consumer<List<Integer>> onIncomingReset = ids -> {};

    Endpoint(String name, SerialExecutor executor) {
        this.name = name;
        this.executor = executor;
    }

    SctpAssociationState state() {
        return association.state();
    }

    /** The association's send and receive machinery; it exists once established. */
    DataPath data() {
        return association.data;
    }

    @Override
    public void onStateChange(SctpAssociationState state) {
        states.add(state);
    }

    @Override
    public void onMessage(SctpMessage message) {
        events.add("msg " + message.streamId() + "/" + message.ppid());
        onMessage.accept(message);
    }

    @Override
    public void onIncomingStreamsReset(List<Integer> streamIds) {
        events.add("incoming-reset " + streamIds);
        incomingResets.add(streamIds);
        onIncomingReset.accept(streamIds);
    }

    @Override
    public void onOutgoingStreamsReset(List<Integer> streamIds) {
        events.add("outgoing-reset " + streamIds);
        outgoingResets.add(streamIds);
    }

    @Override
    public void onBytesSent(int streamId, long bytes) {
        onBytesSent.run();
    }

    @Override
    public void onFailure(String reason) {
        events.add("failure " + reason);
        failures.add(reason);
    }

    @Override
    public String toString() {
        return name + "[" + (association == null ? "-" : association.state() + " " + association.counters()) + "]";
    }
}
