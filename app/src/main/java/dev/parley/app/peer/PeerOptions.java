package dev.parley.app.peer;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link HeadlessPeer} does.
 *
 * @param server the signaling server's {@code ws://} or {@code wss://} address
 * @param name the display name to register
 * @param call whom to call once registered, or null to wait for calls
 * @param autoAnswer accept incoming calls at once
 * @param toneHz the microphone: a sine tone of this frequency (the tone source of core-rtc)
 * @param micFile the microphone instead: a 16-bit PCM WAV file, looped; or null for the tone
 * @param camera the camera: a synthetic test pattern of this size and rate, or null to send no video
 * @param cameraFile the camera instead: a video file (anything FFmpeg reads), looped and sent at
 *     {@code camera}'s size and rate; or null for the test pattern
 * @param recordDir where received audio is written as {@code <callId>-audio.wav} and received video
 *     as {@code <callId>-video.y4m} (see {@link Y4mRecorder}), or null
 * @param statsJson where the call's stats are written every second, or null
 */
public record PeerOptions(URI server, String name, String call, boolean autoAnswer, double toneHz, Path micFile,
                          SyntheticCamera camera, Path cameraFile, Path recordDir, Path statsJson) {
    public PeerOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        if (toneHz <= 0 || toneHz >= 4000) {
            throw new IllegalArgumentException("toneHz: above 0 and below 4000 (G.711 carries up to 4 kHz)");
        }
        if (cameraFile != null && camera == null) {
            throw new IllegalArgumentException("a camera file needs the camera's size and rate");
        }
    }
}
