package dev.parley.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.VideoTrackSource;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneGenerator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The test call sends your camera and microphone through the whole engine and gives them back decoded. */
class LoopbackTestCallTest {
    private static final int WAIT_SECONDS = 20;

    @Test
    void theFarEndDecodesOurPatternAndHearsOurMicrophone() throws Exception {
        TestPattern pattern = new TestPattern(640, 360);
        VideoTrackSource camera = new VideoTrackSource();
        AudioTrackSource microphone = new AudioTrackSource();
        CompletableFuture<TestPattern.Stamp> patternSeen = new CompletableFuture<>();
        AtomicInteger audioFrames = new AtomicInteger();
        CompletableFuture<Void> audioHeard = new CompletableFuture<>();
        AtomicInteger connectedCount = new AtomicInteger();
        try (PacedVideoSource cameraPacer = new PacedVideoSource(pattern, 30, camera);
             PacedAudioSource tone = new PacedAudioSource(new ToneGenerator(440, 0.5, 48_000, 1), microphone)) {
            MediaStreamTrack video = camera.createTrack("pattern");
            MediaStreamTrack audio = microphone.createTrack("tone");
            cameraPacer.start();
            tone.start();
            try (LoopbackTestCall call = LoopbackTestCall.create(EngineSettings.defaults(),
                    new LoopbackTestCall.Listener() {
                        @Override
                        public void onRemoteTrack(MediaStreamTrack track) {
                            if (MediaStreamTrack.VIDEO.equals(track.kind())) {
                                track.addVideoSink(frame -> pattern.read(frame).ifPresent(patternSeen::complete));
                            } else {
                                track.addAudioSink(frame -> {
                                    if (audioFrames.incrementAndGet() == 50) {
                                        audioHeard.complete(null);
                                    }
                                });
                            }
                        }

                        @Override
                        public void onConnectionState(RTCPeerConnectionState state) {
                            if (state == RTCPeerConnectionState.CONNECTED) {
                                connectedCount.incrementAndGet();
                            }
                        }
                    })) {
                assertEquals(2, call.send(List.of(audio, video)).size());
                call.connected().get(WAIT_SECONDS, TimeUnit.SECONDS);
                TestPattern.Stamp stamp = patternSeen.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(stamp.frameNumber() >= 0, "a stamped frame of our pattern came back: " + stamp);
                audioHeard.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(1, connectedCount.get());
                assertEquals(RTCPeerConnectionState.CONNECTED, call.receiver().peerConnection().connectionState());
            }
        }
    }
}
