package dev.parley.ui.port;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.call.SecurityCode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A call in progress as the call screen sees it. The app implements it over its
 * RTCPeerConnection: device switches become {@code replaceTrack}, chat rides a data channel.
 */
public interface CallSession {

    String peerName();

    /** Our camera (or screen) track, once there is one. */
    Optional<MediaStreamTrack> localVideo();

    /** The peer's video track, once it arrived. */
    Optional<MediaStreamTrack> remoteVideo();

    CallState state();

    /** The devices in use when the call started. */
    SelectedDevices devices();

    /** Mutes our microphone (sends silence); the listener's onMicrophoneMuted confirms. */
    void setMicrophoneMuted(boolean muted);

    /** Turns our camera on or off; the listener's onCameraEnabled confirms. */
    void setCameraEnabled(boolean enabled);

    void switchCamera(String deviceId);

    void switchMicrophone(String deviceId);

    void switchSpeaker(String deviceId);

    /** Sends a chat line; it comes back through onChat with {@code fromMe} true once sent. */
    void sendChat(String text);

    /** Completes once DTLS is up: the four words both sides compare aloud. */
    CompletableFuture<SecurityCode> securityCode();

    /** Sends the screen instead of the camera, until {@link #stopScreenShare}. */
    void startScreenShare();

    void stopScreenShare();

    /** Ends the call; onEnded follows. */
    void hangUp();

    AutoCloseable addListener(CallSessionListener listener);
}
