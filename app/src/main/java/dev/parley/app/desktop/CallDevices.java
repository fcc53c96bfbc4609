package dev.parley.app.desktop;

import dev.parley.app.media.AppMedia;
import dev.parley.app.media.VideoSize;
import dev.parley.media.AudioOutput;
import dev.parley.media.ConstrainNumber;
import dev.parley.media.ConstrainString;
import dev.parley.media.DisplayMediaStreamOptions;
import dev.parley.media.MediaStreamConstraints;
import dev.parley.media.MediaTrackConstraints;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCRtpSender;
import dev.parley.ui.port.SelectedDevices;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A call's own devices: the camera and microphone tracks its senders carry, switched without
 * dropping the call ({@code replaceTrack}, then the old device is released), the screen in the
 * camera's place while sharing, and the speaker the peer's audio plays on. Thread-safe.
 */
final class CallDevices {
    private final AppMedia media;
    private final VideoSize cameraSize;
    private final RTCPeerConnection pc;
    private MediaStreamTrack camera;
    private MediaStreamTrack microphone;
    private MediaStreamTrack screen;
    private MediaStreamTrack remoteAudio;
    private AudioOutput speaker;
    private SelectedDevices selected;
    private boolean microphoneMuted;
    private boolean cameraEnabled = true;

    /**
     * @param pc the connection that sends {@code camera} (null in an audio-only call) and
     *     {@code microphone}; their senders are found by the track they carry when one is switched
     */
    CallDevices(AppMedia media, VideoSize cameraSize, RTCPeerConnection pc, MediaStreamTrack camera,
                MediaStreamTrack microphone, SelectedDevices selected) {
        this.media = media;
        this.cameraSize = cameraSize;
        this.pc = pc;
        this.camera = camera;
        this.microphone = microphone;
        // the devices actually opened: a default ("") or a chosen one that was gone resolves to one
        this.selected = new SelectedDevices(openedId(camera, selected.cameraId()),
                openedId(microphone, selected.microphoneId()), selected.speakerId());
    }

    private String openedId(MediaStreamTrack track, String chosen) {
        return track == null ? chosen
                : media.devices().getSettings(track).map(settings -> settings.deviceId()).filter(id -> id != null)
                        .orElse(chosen);
    }

    /** The sender carrying {@code track} now. */
    private RTCRtpSender senderOf(MediaStreamTrack track) {
        return pc.getSenders().stream().filter(s -> s.track() == track).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sender carries " + track));
    }

    synchronized SelectedDevices selected() {
        return selected;
    }

    /** What we send as video now: the screen while sharing, else the camera (empty in an audio-only call). */
    synchronized Optional<MediaStreamTrack> localVideo() {
        return Optional.ofNullable(screen != null ? screen : camera);
    }

    synchronized boolean microphoneMuted() {
        return microphoneMuted;
    }

    synchronized boolean cameraEnabled() {
        return cameraEnabled;
    }

    synchronized void setMicrophoneMuted(boolean muted) {
        microphoneMuted = muted;
        if (microphone != null) {
            microphone.setEnabled(!muted);   // a disabled track sends silence (W3C)
        }
    }

    synchronized void setCameraEnabled(boolean enabled) {
        cameraEnabled = enabled;
        if (camera != null) {
            camera.setEnabled(enabled);   // black frames, as a browser sends
        }
    }

    /** Opens {@code deviceId} and sends it instead of the current camera; completes with the new track. */
    CompletableFuture<MediaStreamTrack> switchCamera(String deviceId) {
        if (localVideo().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("this call sends no video"));
        }
        synchronized (this) {
            if (deviceId.equals(selected.cameraId()) && camera != null) {
                return CompletableFuture.completedFuture(camera);   // already in use: nothing to switch
            }
        }
        MediaTrackConstraints.Builder video = MediaTrackConstraints.builder()
                .width(ConstrainNumber.ideal(cameraSize.width())).height(ConstrainNumber.ideal(cameraSize.height()))
                .deviceId(ConstrainString.exact(deviceId));
        return media.devices().getUserMedia(MediaStreamConstraints.builder().video(video.build()).build())
                .thenCompose(stream -> {
                    MediaStreamTrack next = stream.getVideoTracks().get(0);
                    MediaStreamTrack old;
                    synchronized (this) {
                        next.setEnabled(cameraEnabled);
                        old = camera;
                        camera = next;
                        selected = new SelectedDevices(deviceId, selected.microphoneId(), selected.speakerId());
                        if (screen != null) {
                            return CompletableFuture.completedFuture(next).whenComplete((t, e) -> stop(old));
                        }
                    }
                    return senderOf(old).replaceTrack(next).thenApply(done -> {
                        stop(old);
                        return next;
                    });
                });
    }

    /** Opens {@code deviceId} and sends it instead of the current microphone. */
    CompletableFuture<MediaStreamTrack> switchMicrophone(String deviceId) {
        if (microphone == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this call sends no audio"));
        }
        synchronized (this) {
            if (deviceId.equals(selected.microphoneId())) {
                return CompletableFuture.completedFuture(microphone);   // already in use
            }
        }
        MediaTrackConstraints audio = MediaTrackConstraints.builder().deviceId(ConstrainString.exact(deviceId)).build();
        return media.devices().getUserMedia(MediaStreamConstraints.builder().audio(audio).build())
                .thenCompose(stream -> {
                    MediaStreamTrack next = stream.getAudioTracks().get(0);
                    MediaStreamTrack old;
                    synchronized (this) {
                        next.setEnabled(!microphoneMuted);
                        old = microphone;
                        microphone = next;
                        selected = new SelectedDevices(selected.cameraId(), deviceId, selected.speakerId());
                    }
                    return senderOf(old).replaceTrack(next).thenApply(done -> {
                        stop(old);
                        return next;
                    });
                });
    }

    /** Plays the peer's audio on {@code deviceId} (empty: the default speaker) from now on. */
    CompletableFuture<Void> switchSpeaker(String deviceId) {
        return media.devices().openOutput(deviceId.isEmpty() ? null : deviceId).thenAccept(output -> {
            AudioOutput old;
            synchronized (this) {
                old = speaker;
                speaker = output;
                selected = new SelectedDevices(selected.cameraId(), selected.microphoneId(), deviceId);
                if (remoteAudio != null) {
                    output.play(remoteAudio);   // closing the output ends its playing
                }
            }
            if (old != null) {
                old.close();
            }
        });
    }

    /** The peer's audio: plays on the selected speaker. */
    CompletableFuture<Void> playRemoteAudio(MediaStreamTrack track) {
        synchronized (this) {
            remoteAudio = track;
        }
        return switchSpeaker(selected().speakerId());
    }

    /** Sends the whole screen instead of the camera; completes with the screen's track. */
    CompletableFuture<MediaStreamTrack> startScreenShare() {
        if (localVideo().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("this call sends no video"));
        }
        return media.devices().getDisplayMedia(DisplayMediaStreamOptions.monitor()).thenCompose(stream -> {
            MediaStreamTrack shared = stream.getVideoTracks().get(0);
            MediaStreamTrack sent;
            MediaStreamTrack old;
            synchronized (this) {
                sent = localVideo().orElseThrow();
                old = screen;
                screen = shared;
            }
            return senderOf(sent).replaceTrack(shared).thenApply(done -> {
                stop(old);
                return shared;
            });
        });
    }

    /** The camera again instead of the screen; completes with the camera's track (absent if none). */
    CompletableFuture<Optional<MediaStreamTrack>> stopScreenShare() {
        MediaStreamTrack shared;
        MediaStreamTrack back;
        synchronized (this) {
            shared = screen;
            screen = null;
            back = camera;
        }
        if (shared == null) {
            return CompletableFuture.completedFuture(Optional.ofNullable(back));
        }
        return senderOf(shared).replaceTrack(back).thenApply(done -> {
            stop(shared);
            return Optional.ofNullable(back);
        });
    }

    /** Releases every device of the call. */
    void close() {
        AudioOutput out;
        synchronized (this) {
            stop(camera);
            stop(microphone);
            stop(screen);
            out = speaker;
            speaker = null;
        }
        if (out != null) {
            out.close();
        }
    }

    private static void stop(MediaStreamTrack track) {
        if (track != null) {
            track.stop();
        }
    }

    @Override
    public synchronized String toString() {
        return "CallDevices[" + selected + (microphoneMuted ? ", muted" : "") + (cameraEnabled ? "" : ", camera off")
                + (screen != null ? ", sharing" : "") + "]";
    }
}
