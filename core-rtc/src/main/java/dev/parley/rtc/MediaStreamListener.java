package dev.parley.rtc;

/**
 * The W3C {@code MediaStream} events {@code addtrack} and {@code removetrack}. Every method has a
 * no-op default. As in the W3C API they tell of changes the engine makes (a remote track arriving
 * or going with renegotiation), not of the application's own {@link MediaStream#addTrack} and
 * {@link MediaStream#removeTrack} calls. Called on the thread that made the change.
 */
public interface MediaStreamListener {

    default void onAddTrack(MediaStream stream, MediaStreamTrack track) {}

    default void onRemoveTrack(MediaStream stream, MediaStreamTrack track) {}
}
