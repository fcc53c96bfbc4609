package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.interceptor.twcc.TransportCc;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.testutil.RtpDelayNet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lip sync between two Parley peer connections over real UDP on 127.0.0.1. The sender's
 * microphone plays a 100 ms tone burst every second, its camera a test pattern whose pixels carry
 * each picture's capture time; one of the two streams takes a path 200 ms slower (its RTP held
 * back on the link). At the receiver's sinks, each burst's onset gives audio's capture-to-playout
 * delay (sender and receiver share this JVM's clock), the pictures around it video's; their
 * difference is what a viewer would see as lips moving before or after the sound.
 *
 * <p>With both tracks in one stream the receiver must bring that within ±40 ms and hold it there;
 * with the tracks in two streams (nothing to sync) the same link leaves most of the 200 ms it
 * added (the audio path's own buffering makes up the rest), which shows what sync corrected.
 */
class AudioVideoSyncTest {
    private static final long MS = 1_000_000L;
    private static final long PERIOD_NANOS = 1_000 * MS;
    private static final long BURST_NANOS = 100 * MS;
    private static final long LINK_DELAY_MILLIS = 200;
    private static final long IN_SYNC_NANOS = 40 * MS;
    private static final long DETECTABLE_SOUND_EARLY_NANOS = 45 * MS;
    private static final long DETECTABLE_SOUND_LATE_NANOS = 125 * MS;
    /** Video pictures this far either side of a burst's onset give the video delay at that time. */
    private static final long VIDEO_WINDOW_NANOS = 500 * MS;
    private static final double LOUD = 0.1;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private PeerPair pair;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void videoOnASlowerPath_audioWaitsForIt_andLipSyncSettlesWithin40ms() throws Exception {
        Call call = new Call(true, "video");
        call.awaitInSync();
        RTCStats audioIn = call.inbound("audio");
        long[] settled = call.offsets(5);
        RTCStats audioInLater = call.inbound("audio");
        double target = (audioInLater.getDouble("jitterBufferTargetDelay") - audioIn.getDouble("jitterBufferTargetDelay"))
                / (audioInLater.getLong("jitterBufferEmittedCount") - audioIn.getLong("jitterBufferEmittedCount"));
        System.out.printf("video %d ms late on the link, synced: offsets (video after audio, ms) %s; audio "
                + "jitterBufferTargetDelay meanwhile %.0f ms%n", LINK_DELAY_MILLIS, call.history(), target * 1000);
        assertInSync(settled);
        assertTrue(target > 0.15, "the audio target includes the sync delay: " + target);
    }

    @Test
    void audioOnASlowerPath_videoWaitsForIt_andLipSyncSettlesWithin40ms() throws Exception {
        Call call = new Call(true, "audio");
        call.awaitInSync();
        RTCStats videoIn = call.inbound("video");
        long[] settled = call.offsets(5);
        RTCStats videoInLater = call.inbound("video");
        double delay = (videoInLater.getDouble("jitterBufferDelay") - videoIn.getDouble("jitterBufferDelay"))
                / (videoInLater.getLong("jitterBufferEmittedCount") - videoIn.getLong("jitterBufferEmittedCount"));
        System.out.printf("audio %d ms late on the link, synced: offsets (video after audio, ms) %s; video "
                + "jitterBufferDelay meanwhile %.0f ms%n", LINK_DELAY_MILLIS, call.history(), delay * 1000);
        assertInSync(settled);
        assertTrue(delay > 0.1, "video's jitterBufferDelay includes the sync delay: " + delay);
    }

    /** The control: the same link with the tracks in two streams, which a receiver must not sync. */
    @Test
    void tracksOfTwoStreams_areLeftAlone_soTheLinksDelayShows() throws Exception {
        Call call = new Call(false, "video");
        long[] offsets = call.offsets(8);
        long[] last = Arrays.copyOfRange(offsets, 3, 8);
        Arrays.sort(last);
        System.out.printf("video %d ms late on the link, not synced: offsets (video after audio, ms) %s%n",
                LINK_DELAY_MILLIS, call.history());
        assertTrue(last[2] > 120 * MS, "video plays well after audio without sync: " + call.history());
    }

    /**
     * Opus and VP8 without transport-wide congestion control: a link that delays one stream of a
     * bundle and not the other is no real path, and delay-based estimation reads the two streams'
     * 200 ms apart arrival as congestion (the video fell to 8 fps).
     */
    private static MediaEngine withoutTransportCc() {
        return new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
                .withPreference(MediaKind.AUDIO, List.of("opus")).withPreference(MediaKind.VIDEO, List.of("VP8")),
                MediaEngine.defaultExtensions().stream()
                        .filter(e -> !e.uri().equals(TransportCc.EXTENSION_URI)).toList());
    }

    /**
     * Synced: the median offset within ±{@link #IN_SYNC_NANOS} and every one inside what viewers
     * can detect at all (ITU-R BT.1359: sound up to 45 ms early, 125 ms late) — a single burst may
     * meet a picture that a busy machine showed late.
     */
    private static void assertInSync(long[] offsets) {
        List<Long> ms = Arrays.stream(offsets).map(o -> o / MS).boxed().toList();
        long[] sorted = offsets.clone();
        Arrays.sort(sorted);
        assertTrue(Math.abs(sorted[sorted.length / 2]) <= IN_SYNC_NANOS, "median offset within ±40 ms: " + ms);
        for (long offset : offsets) {
            // offset = video after audio: positive is sound early
            assertTrue(offset <= DETECTABLE_SOUND_EARLY_NANOS && offset >= -DETECTABLE_SOUND_LATE_NANOS,
                    "every offset undetectable (+45/-125 ms): " + ms);
        }
    }

    /** A call whose polite peer sends a burst tone and the test pattern, one of them on a slower path. */
    private final class Call {
        private final long epoch = System.nanoTime();
        /** Capture times of the bursts' first samples, on the sender. */
        private final ConcurrentSkipListSet<Long> burstCaptures = new ConcurrentSkipListSet<>();
        /** (delivered, capture-to-playout delay) of each picture at the receiver's sink. */
        private final LinkedBlockingQueue<long[]> pictures = new LinkedBlockingQueue<>();
        /** The pictures the test thread took from the queue, in order of delivery. */
        private final ArrayDeque<long[]> videoDelays = new ArrayDeque<>();
        /** (onset played, capture-to-playout delay) of each burst at the receiver's sink. */
        private final LinkedBlockingQueue<long[]> onsets = new LinkedBlockingQueue<>();
        private final List<Long> history = new ArrayList<>();
        private final TestPattern pattern = new TestPattern(320, 240);
        private long lastLoudNanos = Long.MIN_VALUE;
        private volatile long picturesSeen;
        private volatile long picturesStamped;

        Call(boolean oneStream, String slowKind) throws Exception {
            RtpDelayNet[] link = new RtpDelayNet[1];
            pair = new PeerPair(net -> link[0] = new RtpDelayNet(net, LINK_DELAY_MILLIS), withoutTransportCc());
            closeables.add(link[0]);
            MediaStream stream = new MediaStream();
            RTCRtpSender audio = pair.polite.pc.addTrack(microphone(), stream);
            RTCRtpSender video = pair.polite.pc.addTrack(camera(), oneStream ? stream : new MediaStream());
            RTCRtpSender slow = slowKind.equals("video") ? video : audio;
            link[0].delay(Set.of(slow.ssrc(), slow.rtxSsrc()));
            pair.awaitConnected(10);
            pair.awaitStable(10);
            for (int kinds = 0; kinds < 2; kinds++) {
                RTCTrackEvent event = pair.impolite.tracks.poll(10, TimeUnit.SECONDS);
                assertNotNull(event, "the receiver gets both tracks");
                if (event.track().kind().equals("audio")) {
                    closeables.add(event.track().addAudioSink(this::heard));
                } else {
                    closeables.add(event.track().addVideoSink(this::seen));
                }
            }
        }

        private MediaStreamTrack microphone() {
            AudioTrackSource source = new AudioTrackSource();
            ToneGenerator tone = new ToneGenerator(1000, 0.5, 48_000, 1);
            boolean[] inBurst = {false};
            closeables.add(new PacedAudioSource(capture -> {
                boolean burst = Math.floorMod(capture - epoch, PERIOD_NANOS) < BURST_NANOS;
                if (burst && !inBurst[0]) {
                    burstCaptures.add(capture);
                }
                inBurst[0] = burst;
                return burst ? tone.nextFrame(capture) : AudioFrame.silence(48_000, 1, 480, capture);
            }, source, "burst-microphone").start());
            closeables.add(source::close);
            return source.createTrack("burst microphone");
        }

        private MediaStreamTrack camera() {
            VideoTrackSource source = new VideoTrackSource();
            closeables.add(new PacedVideoSource(pattern, 30, source).start());
            closeables.add(source);
            return source.createTrack("pattern camera");
        }

        /** At the audio sink: the first loud sample after a quiet spell is a burst's onset. */
        private void heard(AudioFrame frame) {
            long delivered = System.nanoTime();
            for (int i = 0; i < frame.samplesPerChannel(); i++) {
                if (Math.abs(frame.sample(i, 0)) < LOUD * Short.MAX_VALUE) {
                    continue;
                }
                long played = delivered + i * 1_000_000_000L / frame.sampleRate();
                if (lastLoudNanos == Long.MIN_VALUE || played - lastLoudNanos > PERIOD_NANOS / 2) {
                    Long capture = burstCaptures.lower(played);
                    if (capture != null) {
                        onsets.add(new long[] {played, played - capture});
                    }
                }
                lastLoudNanos = played;
            }
        }

        /** At the video sink: the picture's own capture time against now. */
        private void seen(VideoFrame frame) {
            long delivered = System.nanoTime();
            picturesSeen++;
            pattern.read(frame).ifPresent(stamp -> {
                picturesStamped++;
                pictures.add(new long[] {delivered, delivered - stamp.captureTimeNanos()});
            });
        }

        /**
         * The next burst's offset: video's median delay around its onset minus audio's delay. Bursts
         * heard before pictures flow steadily (the call's first second) are passed over.
         */
        long nextOffset() throws InterruptedException {
            long deadline = System.nanoTime() + 10_000 * MS;
            while (true) {
                assertTrue(System.nanoTime() < deadline, "a burst with pictures around it within 10 s; pictures "
                        + picturesSeen + ", of which stamped " + picturesStamped);
                long[] onset = onsets.poll(10, TimeUnit.SECONDS);
                assertNotNull(onset, "a burst is heard within 10 s");
                long until = onset[0] + VIDEO_WINDOW_NANOS;
                while (videoDelays.isEmpty() || videoDelays.peekLast()[0] < until) {
                    long[] picture = pictures.poll(5, TimeUnit.SECONDS);
                    assertNotNull(picture, "pictures keep coming");
                    videoDelays.add(picture);
                }
                while (videoDelays.peekFirst()[0] < onset[0] - VIDEO_WINDOW_NANOS) {
                    videoDelays.removeFirst();
                }
                long[] around = videoDelays.stream().filter(v -> v[0] <= until).mapToLong(v -> v[1]).sorted()
                        .toArray();
                if (around.length >= 15) { // 30 fps: about 30 in the window
                    long offset = around[around.length / 2] - onset[1];
                    history.add(offset / MS);
                    return offset;
                }
            }
        }

        long[] offsets(int count) throws InterruptedException {
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = nextOffset();
            }
            return out;
        }

        /** Waits (30 s at most) until three bursts in a row are within ±40 ms. */
        void awaitInSync() throws InterruptedException {
            long deadline = System.nanoTime() + 30_000 * MS;
            int inARow = 0;
            while (inARow < 3) {
                assertTrue(System.nanoTime() < deadline, "in sync within 30 s: " + history);
                inARow = Math.abs(nextOffset()) <= IN_SYNC_NANOS ? inARow + 1 : 0;
            }
        }

        RTCStats inbound(String kind) throws Exception {
            return pair.impolite.pc.getStats().get(5, TimeUnit.SECONDS).ofType("inbound-rtp").stream()
                    .filter(st -> kind.equals(st.getString("kind").orElse(""))).findFirst().orElseThrow();
        }

        List<Long> history() {
            return history;
        }
    }
}
