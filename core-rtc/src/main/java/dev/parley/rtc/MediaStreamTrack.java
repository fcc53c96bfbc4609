package dev.parley.rtc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The W3C {@code MediaStreamTrack} (Media Capture and Streams): one audio or video stream from one
 * source (a microphone, a camera, a remote peer, a test tone), fanned out to the sinks that consume
 * it (an RTP sender, a preview, a speaker, a recorder).
 *
 * <p>Tracks are made by their source ({@link AudioTrackSource#createTrack},
 * {@link VideoTrackSource#createTrack}) or by {@link #clone()}; many tracks may share a source and
 * each has its own id, enabled flag and life. A source pushes each frame to all its live tracks.
 *
 * <p>Threads: every method may be called from any thread. Sinks are called on the thread that
 * pushed the frame into the source (a capture thread, the receiver's thread), one frame after
 * another if the source pushes from one thread; a sink must return quickly and hand heavy work
 * elsewhere. A sink or listener that throws is logged, and delivery to the others goes on.
 *
 * <pre>
 *  live ──stop()──────────────▶ ended   (no ended event, as in the W3C API)
 *  live ──source closed───────▶ ended   (ended event)
 * </pre>
 */
public final class MediaStreamTrack {
    /** {@link #kind()} of an audio track. */
    public static final String AUDIO = "audio";
    /** {@link #kind()} of a video track. */
    public static final String VIDEO = "video";

    private final SourceTracks source;
    private final String id = UUID.randomUUID().toString();
    private final String label;
    private final AtomicReference<MediaStreamTrackState> state = new AtomicReference<>(MediaStreamTrackState.LIVE);
    private volatile boolean enabled;
    private final CallbackList<AudioSink> audioSinks = new CallbackList<>();
    private final CallbackList<VideoSink> videoSinks = new CallbackList<>();
    private final CallbackList<MediaStreamTrackListener> listeners = new CallbackList<>();
    /** What a disabled video track shows: the last black picture made, reused while the size stays. */
    private volatile VideoFrame black;

    MediaStreamTrack(SourceTracks source, String label, boolean enabled) {
        this.source = source;
        this.label = label;
        this.enabled = enabled;
    }

    /** {@value #AUDIO} or {@value #VIDEO}. */
    public String kind() {
        return source.kind();
    }

    /** A UUID, unique to this track (a clone gets its own). */
    public String id() {
        return id;
    }

    /** What the source calls itself ("Built-in microphone"), or empty. */
    public String label() {
        return label;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * A disabled track keeps flowing but carries nothing: an audio track delivers silence of the
     * same rate, channels and length, a video track black pictures of the same size.
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the source can not provide media for now (set by the source's owner). */
    public boolean muted() {
        return source.muted();
    }

    public MediaStreamTrackState readyState() {
        return state.get();
    }

    /**
     * Ends this track: its sinks get no more frames. The source goes on feeding its other tracks
     * (clones, other consumers). No {@code ended} event, as in the W3C API. Idempotent.
     */
    public void stop() {
        if (state.compareAndSet(MediaStreamTrackState.LIVE, MediaStreamTrackState.ENDED)) {
            source.detach(this);
        }
    }

    /**
     * A new track of the same source, label, enabled flag and ready state (a clone of an ended
     * track is ended), with a new id and no sinks or listeners.
     */
    @Override
    public MediaStreamTrack clone() {
        if (readyState() == MediaStreamTrackState.ENDED) {
            MediaStreamTrack ended = new MediaStreamTrack(source, label, enabled);
            ended.endQuietly();
            return ended;
        }
        return source.createTrack(label, enabled);
    }

    /**
     * Starts delivering this audio track's frames to {@code sink}; closing the result stops it
     * (a frame being delivered at that moment on another thread may still arrive).
     *
     * @throws IllegalArgumentException if this is a video track
     */
    public AutoCloseable addAudioSink(AudioSink sink) {
        requireKind(AUDIO);
        return audioSinks.add(sink);
    }

    /**
     * Starts delivering this video track's frames to {@code sink}; closing the result stops it
     * (a frame being delivered at that moment on another thread may still arrive).
     *
     * @throws IllegalArgumentException if this is an audio track
     */
    public AutoCloseable addVideoSink(VideoSink sink) {
        requireKind(VIDEO);
        return videoSinks.add(sink);
    }

    /** Registers {@code listener} for ended, mute and unmute; closing the result unregisters it. */
    public AutoCloseable addListener(MediaStreamTrackListener listener) {
        return listeners.add(listener);
    }

    @Override
    public String toString() {
        return "MediaStreamTrack[" + kind() + " " + id + " '" + label + "' " + readyState()
                + (enabled ? "" : " disabled") + (muted() ? " muted" : "") + "]";
    }

    void deliver(AudioFrame frame) {
        if (state.get() != MediaStreamTrackState.LIVE) {
            return;
        }
        AudioFrame delivered = enabled ? frame : frame.silenced();
        audioSinks.forEach(sink -> sink.onFrame(delivered), "audio sink of track " + id);
    }

    void deliver(VideoFrame frame) {
        if (state.get() != MediaStreamTrackState.LIVE) {
            return;
        }
        VideoFrame delivered = enabled ? frame : blackLike(frame);
        videoSinks.forEach(sink -> sink.onFrame(delivered), "video sink of track " + id);
    }

    /** The source ended: end, and tell the listeners. */
    void sourceEnded() {
        if (state.compareAndSet(MediaStreamTrackState.LIVE, MediaStreamTrackState.ENDED)) {
            listeners.forEach(listener -> listener.onEnded(this), "listener of track " + id);
        }
    }

    void sourceMuteChanged(boolean muted) {
        if (state.get() != MediaStreamTrackState.LIVE) {
            return;
        }
        if (muted) {
            listeners.forEach(listener -> listener.onMute(this), "listener of track " + id);
        } else {
            listeners.forEach(listener -> listener.onUnmute(this), "listener of track " + id);
        }
    }

    /** Ends a track that was never live (made from a closed source or an ended track): no event. */
    void endQuietly() {
        state.set(MediaStreamTrackState.ENDED);
    }

    private VideoFrame blackLike(VideoFrame frame) {
        VideoFrame template = black;
        if (template == null || template.width() != frame.width() || template.height() != frame.height()
                || template.rotation() != frame.rotation()) {
            template = VideoFrame.black(frame.width(), frame.height(), frame.rotation(), frame.captureTimeNanos());
            black = template;
            return template;
        }
        return template.withCaptureTime(frame.captureTimeNanos());
    }

    private void requireKind(String wanted) {
        if (!kind().equals(wanted)) {
            throw new IllegalArgumentException("a " + wanted + " sink can not be added to a " + kind() + " track");
        }
    }
}
