package dev.parley.app.call;

import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCDataChannelMessage;
import dev.parley.rtc.RTCDataChannelState;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * The call's chat: text messages on the data channel labelled {@value #LABEL} (the browser page
 * uses the same). Lines written before the channel opens wait for it; binary messages and empty
 * lines are ignored; a line longer than {@value #MAX_CHARS} characters is refused.
 */
public final class ChatChannel {
    public static final String LABEL = "chat";
    public static final int MAX_CHARS = 4000;

    private final Queue<String> waiting = new ArrayDeque<>();
    private RTCDataChannel channel;

    /** Sends {@code text} now or once the channel is open. */
    public synchronized void send(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("a chat line is at most " + MAX_CHARS + " characters");
        }
        if (channel != null && channel.readyState() == RTCDataChannelState.OPEN) {
            channel.send(text);
        } else {
            waiting.add(text);
        }
    }

    /** Uses {@code dataChannel} (ours or the peer's) from now on; {@code received} gets the peer's lines. */
    public void attach(RTCDataChannel dataChannel, Consumer<String> received) {
        dataChannel.addListener(new RTCDataChannelListener() {
            @Override
            public void onOpen() {
                flush();
            }

            @Override
            public void onMessage(RTCDataChannelMessage message) {
                if (!message.isBinary() && !message.text().isEmpty()) {
                    received.accept(message.text());
                }
            }
        });
        synchronized (this) {
            channel = dataChannel;
        }
        if (dataChannel.readyState() == RTCDataChannelState.OPEN) {
            flush();   // a channel announced by the peer arrives open
        }
    }

    private synchronized void flush() {
        while (!waiting.isEmpty() && channel.readyState() == RTCDataChannelState.OPEN) {
            channel.send(waiting.poll());
        }
    }
}
