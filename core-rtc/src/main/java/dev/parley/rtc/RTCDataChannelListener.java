package dev.parley.rtc;

/**
 * The events of an {@link RTCDataChannel} ({@code onopen}, {@code onmessage}, …), called on the
 * peer connection's executor, in order. Every method has a no-op default.
 */
public interface RTCDataChannelListener {
    default void onOpen() {}

    default void onMessage(RTCDataChannelMessage message) {}

    /** {@code bufferedamountlow}: {@code bufferedAmount} fell to the threshold or below. */
    default void onBufferedAmountLow() {}

    /** {@code closing}: the channel is closing; no more messages may be sent. */
    default void onClosing() {}

    default void onClose() {}

    /** {@code error}: an {@code OperationError} (the association failed) before {@code close}. */
    default void onError(RTCException error) {}
}
