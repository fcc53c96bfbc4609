package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records one data channel's events for a test to wait on. */
final class ChannelEvents implements RTCDataChannelListener {
    volatile RTCDataChannel channel;
    final CompletableFuture<Void> opened = new CompletableFuture<>();
    final CompletableFuture<Void> closing = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final LinkedBlockingQueue<RTCDataChannelMessage> messages = new LinkedBlockingQueue<>();
    final List<RTCException> errors = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Long> bufferedAmountLow = new LinkedBlockingQueue<>();
    /** Every event's name in order, to check the order browsers use. */
    final List<String> order = new CopyOnWriteArrayList<>();

    private ChannelEvents(RTCDataChannel channel) {
        this.channel = channel;
    }

    /** Creates the channel with these events as its listener from the start. */
    static ChannelEvents create(RTCPeerConnection pc, String label, RTCDataChannelInit init) {
        ChannelEvents events = new ChannelEvents(null);
        events.channel = pc.createDataChannel(label, init, events);
        return events;
    }

    static ChannelEvents on(RTCDataChannel channel) {
        ChannelEvents events = new ChannelEvents(channel);
        channel.addListener(events);
        if (channel.readyState() == RTCDataChannelState.OPEN) {
            events.opened.complete(null); // announced channels arrive open, their open event may have passed
        }
        return events;
    }

    @Override
    public void onOpen() {
        order.add("open");
        opened.complete(null);
    }

    @Override
    public void onMessage(RTCDataChannelMessage message) {
        messages.add(message);
    }

    @Override
    public void onBufferedAmountLow() {
        order.add("bufferedamountlow");
        bufferedAmountLow.add(channel.bufferedAmount());
    }

    @Override
    public void onClosing() {
        order.add("closing");
        closing.complete(null);
    }

    @Override
    public void onClose() {
        order.add("close");
        closed.complete(null);
    }

    @Override
    public void onError(RTCException error) {
        order.add("error");
        errors.add(error);
    }

    RTCDataChannelMessage next() throws InterruptedException {
        RTCDataChannelMessage message = messages.poll(Loopback.SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "a message on " + channel.label());
        return message;
    }

    void awaitOpen() throws Exception {
        opened.get(Loopback.SECONDS, TimeUnit.SECONDS);
    }

    void awaitClosed() throws Exception {
        closed.get(Loopback.SECONDS, TimeUnit.SECONDS);
    }
}
