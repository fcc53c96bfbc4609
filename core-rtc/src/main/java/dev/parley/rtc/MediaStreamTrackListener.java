package dev.parley.rtc;

/**
 * The W3C {@code MediaStreamTrack} events. Every method has a no-op default, so a listener
 * implements only what it uses. Called on the thread of whoever caused the change: the source's
 * owner for mute, unmute and ended (a microphone thread, the receiver's thread).
 */
public interface MediaStreamTrackListener {

    /**
     * The track ended because its source did (a device went away, the remote side stopped
     * sending for good, {@link AudioTrackSource#close()}). As in the W3C API, not fired when
     * the application calls {@link MediaStreamTrack#stop()} itself.
     */
    default void onEnded(MediaStreamTrack track) {}

    /** The source can not provide media for now (a receiver that gets no packets). */
    default void onMute(MediaStreamTrack track) {}

    /** The source provides media again. */
    default void onUnmute(MediaStreamTrack track) {}
}
