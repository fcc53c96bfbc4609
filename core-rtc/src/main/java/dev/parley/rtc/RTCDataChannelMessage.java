package dev.parley.rtc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The data of a W3C {@code message} event on an {@link RTCDataChannel}: text (a string the peer
 * sent) or binary (an ArrayBuffer/Blob the peer sent).
 */
public final class RTCDataChannelMessage {
    private final String text;
    private final byte[] binary;

    private RTCDataChannelMessage(String text, byte[] binary) {
        this.text = text;
        this.binary = binary;
    }

    public static RTCDataChannelMessage text(String text) {
        return new RTCDataChannelMessage(Objects.requireNonNull(text, "text"), null);
    }

    /** Takes ownership of {@code data}. */
    public static RTCDataChannelMessage binary(byte[] data) {
        return new RTCDataChannelMessage(null, Objects.requireNonNull(data, "data"));
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** The text of a text message. @throws IllegalStateException for a binary one */
    public String text() {
        if (text == null) {
            throw new IllegalStateException("a binary message has no text; use data()");
        }
        return text;
    }

    /** The bytes: a binary message's own, a text message's UTF-8. A copy each call. */
    public byte[] data() {
        return binary != null ? binary.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes on the wire (UTF-8 length for text). */
    public int size() {
        return binary != null ? binary.length : text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return isBinary() ? "binary[" + binary.length + "]" : "text[" + text.length() + " chars]";
    }
}
