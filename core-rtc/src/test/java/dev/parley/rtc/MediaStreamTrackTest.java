package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MediaStreamTrackTest {

    private static AudioSink audioInto(List<AudioFrame> frames) {
        return frames::add;
    }

    private static VideoSink videoInto(List<VideoFrame> frames) {
        return frames::add;
    }

    private static AudioFrame tone(long time) {
        return new AudioFrame(new short[] {100, -100, 200, -200}, 8000, 2, time);
    }

    @Test
    void tracksHaveAKindAUuidAndALabel() {
        MediaStreamTrack audio = new AudioTrackSource().createTrack("Built-in microphone");
        MediaStreamTrack video = new VideoTrackSource().createTrack(null);
        assertEquals("audio", audio.kind());
        assertEquals("video", video.kind());
        assertEquals(audio.id(), UUID.fromString(audio.id()).toString());
        assertNotEquals(audio.id(), video.id());
        assertEquals("Built-in microphone", audio.label());
        assertEquals("", video.label());
        assertEquals(MediaStreamTrackState.LIVE, audio.readyState());
        assertTrue(audio.enabled());
        assertFalse(audio.muted());
        assertEquals("live", MediaStreamTrackState.LIVE.w3cName());
        assertEquals("ended", MediaStreamTrackState.ENDED.toString());
    }

    @Test
    void aSourceFansEveryFrameOutToEverySinkOfEveryLiveTrack() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack first = source.createTrack("a");
        MediaStreamTrack second = source.createTrack("b");
        List<AudioFrame> a1 = new ArrayList<>();
        List<AudioFrame> a2 = new ArrayList<>();
        List<AudioFrame> b1 = new ArrayList<>();
        first.addAudioSink(audioInto(a1));
        first.addAudioSink(audioInto(a2));
        second.addAudioSink(audioInto(b1));

        source.push(tone(1));
        source.push(tone(2));

        assertEquals(List.of(tone(1), tone(2)), a1);
        assertEquals(List.of(tone(1), tone(2)), a2);
        assertEquals(List.of(tone(1), tone(2)), b1);
        assertEquals(2, source.liveTrackCount());
    }

    @Test
    void sinksAreCalledOnThePushingThread() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        source.createTrack("t").addAudioSink(frame -> threads.add(Thread.currentThread()));
        Thread pusher = new Thread(() -> source.push(tone(0)), "pusher");
        pusher.start();
        pusher.join(5000);
        assertEquals(List.of(pusher), threads);
    }

    @Test
    void aDisabledAudioTrackDeliversSilenceOfTheSameShape_itsSiblingStillHearsTheSource() {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack muted = source.createTrack("off");
        MediaStreamTrack open = source.createTrack("on");
        List<AudioFrame> silent = new ArrayList<>();
        List<AudioFrame> heard = new ArrayList<>();
        muted.addAudioSink(audioInto(silent));
        open.addAudioSink(audioInto(heard));

        muted.setEnabled(false);
        source.push(tone(5));

        assertFalse(muted.enabled());
        assertEquals(AudioFrame.silence(8000, 2, 2, 5).withVoiceActivity(AudioFrame.VoiceActivity.INACTIVE),
                silent.get(0), "silence, and known to hold no speech");
        assertEquals(tone(5), heard.get(0));

        muted.setEnabled(true);
        source.push(tone(6));
        assertEquals(tone(6), silent.get(1));
    }

    @Test
    void aDisabledVideoTrackDeliversBlackPicturesOfTheSameSize() {
        VideoTrackSource source = new VideoTrackSource();
        MediaStreamTrack track = source.createTrack("camera");
        List<VideoFrame> seen = new ArrayList<>();
        track.addVideoSink(videoInto(seen));
        byte[] grey = new byte[4 * 2];
        java.util.Arrays.fill(grey, (byte) 200);
        VideoFrame picture = new VideoFrame(4, 2, grey, 4, new byte[2], 2, new byte[2], 2, 180, 1);

        source.push(picture);
        track.setEnabled(false);
        source.push(picture);
        source.push(new VideoFrame(4, 2, grey, 4, new byte[2], 2, new byte[2], 2, 180, 2));

        assertSame(picture, seen.get(0));
        for (int i = 1; i <= 2; i++) {
            VideoFrame black = seen.get(i);
            assertEquals(4, black.width());
            assertEquals(2, black.height());
            assertEquals(180, black.rotation());
            assertEquals(i, black.captureTimeNanos());
            for (int p = 0; p < 8; p++) {
                assertEquals(16, black.dataY().get(p));
            }
            assertEquals((byte) 128, black.dataU().get(0));
        }
    }

    @Test
    void stopEndsThatTrackOnly_withoutAnEndedEvent() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack stopped = source.createTrack("x");
        MediaStreamTrack other = source.createTrack("y");
        List<AudioFrame> stoppedSaw = new ArrayList<>();
        List<AudioFrame> otherSaw = new ArrayList<>();
        AtomicInteger ended = new AtomicInteger();
        stopped.addAudioSink(audioInto(stoppedSaw));
        other.addAudioSink(audioInto(otherSaw));
        stopped.addListener(new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack track) {
                ended.incrementAndGet();
            }
        });

        stopped.stop();
        stopped.stop();
        source.push(tone(1));

        assertEquals(MediaStreamTrackState.ENDED, stopped.readyState());
        assertEquals(MediaStreamTrackState.LIVE, other.readyState());
        assertEquals(List.of(), stoppedSaw);
        assertEquals(List.of(tone(1)), otherSaw);
        assertEquals(0, ended.get());
        assertEquals(1, source.liveTrackCount());
        source.close();
        assertEquals(0, ended.get(), "a stopped track does not end again with its source");
    }

    @Test
    void aCloneHasANewIdTheSameSourceAndALifeOfItsOwn() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack original = source.createTrack("mic");
        original.setEnabled(false);
        MediaStreamTrack clone = original.clone();
        List<AudioFrame> cloneSaw = new ArrayList<>();
        clone.addAudioSink(audioInto(cloneSaw));

        assertNotEquals(original.id(), clone.id());
        assertEquals("mic", clone.label());
        assertEquals("audio", clone.kind());
        assertFalse(clone.enabled(), "a clone copies the enabled flag");

        clone.setEnabled(true);
        original.stop();
        source.push(tone(3));

        assertEquals(List.of(tone(3)), cloneSaw, "the source keeps feeding the clone");
        assertFalse(original.enabled(), "enabling the clone leaves the original alone");
        assertEquals(MediaStreamTrackState.ENDED, original.clone().readyState(), "a clone of an ended track is ended");
    }

    @Test
    void closingTheSourceEndsEveryTrackAndFiresEndedOnceEach() {
        VideoTrackSource source = new VideoTrackSource();
        MediaStreamTrack a = source.createTrack("a");
        MediaStreamTrack b = a.clone();
        List<MediaStreamTrack> endedTracks = new CopyOnWriteArrayList<>();
        MediaStreamTrackListener listener = new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack track) {
                endedTracks.add(track);
            }
        };
        a.addListener(listener);
        b.addListener(listener);
        List<VideoFrame> seen = new ArrayList<>();
        a.addVideoSink(videoInto(seen));

        source.close();
        source.close();
        source.push(VideoFrame.black(2, 2, 0, 0));

        assertEquals(List.of(a, b), endedTracks);
        assertEquals(MediaStreamTrackState.ENDED, a.readyState());
        assertEquals(List.of(), seen);
        MediaStreamTrack late = source.createTrack("late");
        assertEquals(MediaStreamTrackState.ENDED, late.readyState(), "a closed source makes ended tracks");
        assertEquals(MediaStreamTrackState.ENDED, b.clone().readyState());
    }

    @Test
    void muteAndUnmuteFireOnChangesOnly_newTracksStartMuted() {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("remote");
        List<String> events = new ArrayList<>();
        track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onMute(MediaStreamTrack t) {
                events.add("mute " + t.muted());
            }

            @Override
            public void onUnmute(MediaStreamTrack t) {
                events.add("unmute " + t.muted());
            }
        });

        source.setMuted(true);
        source.setMuted(true);
        assertTrue(source.createTrack("second").muted());
        source.setMuted(false);
        source.setMuted(false);

        assertEquals(List.of("mute true", "unmute false"), events);
    }

    @Test
    void aThrowingSinkOrListenerDoesNotStopDeliveryToTheOthers() {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("t");
        List<AudioFrame> before = new ArrayList<>();
        List<AudioFrame> after = new ArrayList<>();
        track.addAudioSink(audioInto(before));
        track.addAudioSink(frame -> {
            throw new IllegalStateException("broken sink (expected in this test)");
        });
        track.addAudioSink(audioInto(after));
        AtomicInteger ended = new AtomicInteger();
        track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack t) {
                throw new IllegalStateException("broken listener (expected in this test)");
            }
        });
        track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack t) {
                ended.incrementAndGet();
            }
        });

        source.push(tone(1));
        source.push(tone(2));
        source.close();

        assertEquals(List.of(tone(1), tone(2)), before);
        assertEquals(List.of(tone(1), tone(2)), after);
        assertEquals(1, ended.get());
    }

    @Test
    void aSinkOfTheWrongKindIsRejected() {
        MediaStreamTrack audio = new AudioTrackSource().createTrack("a");
        MediaStreamTrack video = new VideoTrackSource().createTrack("v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> audio.addVideoSink(frame -> { }));
        assertEquals("a video sink can not be added to a audio track", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> video.addAudioSink(frame -> { }));
        assertThrows(IllegalArgumentException.class, () -> audio.addAudioSink(null));
    }

    @Test
    void closingASinkRegistrationStopsItsFrames() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("t");
        List<AudioFrame> seen = new ArrayList<>();
        AutoCloseable registration = track.addAudioSink(audioInto(seen));
        source.push(tone(1));
        registration.close();
        registration.close();
        source.push(tone(2));
        assertEquals(List.of(tone(1)), seen);
    }

    @Test
    void theSameSinkAddedTwiceGetsEachFrameTwiceUntilEachRegistrationCloses() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("t");
        List<AudioFrame> seen = new ArrayList<>();
        AudioSink sink = seen::add;
        AutoCloseable first = track.addAudioSink(sink);
        track.addAudioSink(sink);
        source.push(tone(1));
        first.close();
        source.push(tone(2));
        assertArrayEquals(new Object[] {tone(1), tone(1), tone(2)}, seen.toArray());
    }

    @Test
    void closingAListenerRegistrationStopsItsEvents_nullFramesAreRejected() throws Exception {
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("t");
        AtomicInteger mutes = new AtomicInteger();
        AutoCloseable registration = track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onMute(MediaStreamTrack t) {
                mutes.incrementAndGet();
            }
        });
        source.setMuted(true);
        registration.close();
        source.setMuted(false);
        source.setMuted(true);
        assertEquals(1, mutes.get());
        assertThrows(IllegalArgumentException.class, () -> source.push(null));
        assertThrows(IllegalArgumentException.class, () -> new VideoTrackSource().push(null));
    }
}
