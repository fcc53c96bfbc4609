package dev.parley.rtc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The tracks fed by one source, and the source's state they share (muted, ended). The one place
 * that {@link AudioTrackSource} and {@link VideoTrackSource} keep it, and what a track asks for
 * its clones and its {@code stop()}.
 */
final class SourceTracks {
    private final String kind;
    private final CopyOnWriteArrayList<MediaStreamTrack> live = new CopyOnWriteArrayList<>();
    private volatile boolean muted;
    private boolean closed; // guarded by this

    SourceTracks(String kind) {
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    boolean muted() {
        return muted;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** A new track of this source: live, or already ended if the source is closed. */
    MediaStreamTrack createTrack(String label, boolean enabled) {
        MediaStreamTrack track = new MediaStreamTrack(this, label == null ? "" : label, enabled);
        synchronized (this) {
            if (!closed) {
                live.add(track);
                return track;
            }
        }
        track.endQuietly();
        return track;
    }

    void detach(MediaStreamTrack track) {
        live.remove(track);
    }

    /** Calls {@code delivery} for every live track, on the caller's thread. */
    void forEachLive(Consumer<MediaStreamTrack> delivery) {
        for (MediaStreamTrack track : live) {
            delivery.accept(track);
        }
    }

    /** Sets the muted flag; tracks hear of a change only (mute/unmute events). */
    void setMuted(boolean newMuted) {
        List<MediaStreamTrack> toTell;
        synchronized (this) {
            if (muted == newMuted || closed) {
                muted = newMuted;
                return;
            }
            muted = newMuted;
            toTell = List.copyOf(live);
        }
        for (MediaStreamTrack track : toTell) {
            track.sourceMuteChanged(newMuted);
        }
    }

    /** Ends every track (they fire {@code ended}); later tracks are born ended. Idempotent. */
    void close() {
        List<MediaStreamTrack> toEnd;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toEnd = List.copyOf(live);
            live.clear();
        }
        for (MediaStreamTrack track : toEnd) {
            track.sourceEnded();
        }
    }

    int liveTrackCount() {
        return live.size();
    }
}
