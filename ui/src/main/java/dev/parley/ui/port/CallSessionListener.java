package dev.parley.ui.port;

import dev.parley.rtc.MediaStreamTrack;

/** Events of a {@link CallSession}; any thread. */
public interface CallSessionListener {

    default void onState(CallState state) {
    }

    /** Our video track changed (camera switched, screen share started or stopped). */
    default void onLocalVideo(MediaStreamTrack track) {
    }

    default void onRemoteVideo(MediaStreamTrack track) {
    }

    /** Our microphone's real state, after {@code setMicrophoneMuted} or a device failure. */
    default void onMicrophoneMuted(boolean muted) {
    }

    /** Our camera's real state, after {@code setCameraEnabled} or a device failure. */
    default void onCameraEnabled(boolean enabled) {
    }

    /** A device switch took effect. */
    default void onDevices(SelectedDevices devices) {
    }

    default void onScreenSharing(boolean sharing) {
    }

    default void onRemoteMicrophoneMuted(boolean muted) {
    }

    default void onRemoteCameraOff(boolean off) {
    }

    default void onChat(ChatMessage message) {
    }

    default void onStats(CallStats stats) {
    }

    /** The call is over; comes after {@code onState(ENDED)}. */
    default void onEnded(CallSummary summary) {
    }
}
