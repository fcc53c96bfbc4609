package dev.parley.rtc;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The W3C {@code MediaStream} (Media Capture and Streams): a set of tracks that belong together,
 * such as a camera and a microphone, or what a remote peer signalled under one {@code msid} stream
 * id. A track is in the set at most once, in the order it was added. Thread-safe.
 */
public final class MediaStream {
    private final String id;
    private final CopyOnWriteArrayList<MediaStreamTrack> tracks = new CopyOnWriteArrayList<>();
    private final CallbackList<MediaStreamListener> listeners = new CallbackList<>();

    /** An empty stream with a new UUID as its id. */
    public MediaStream() {
        this(UUID.randomUUID().toString());
    }

    /**
     * An empty stream with the given id, such as the stream id of a remote {@code a=msid}
     * (RFC 8830).
     *
     * @throws IllegalArgumentException if {@code id} is null or empty
     */
    public MediaStream(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a MediaStream id must not be empty");
        }
        this.id = id;
    }

    /** A stream with a new UUID holding {@code initialTracks} (duplicates once). */
    public MediaStream(Collection<MediaStreamTrack> initialTracks) {
        this();
        initialTracks.forEach(this::addTrack);
    }

    public String id() {
        return id;
    }

    /** All tracks, in the order they were added. */
    public List<MediaStreamTrack> getTracks() {
        return List.copyOf(tracks);
    }

    public List<MediaStreamTrack> getAudioTracks() {
        return tracks.stream().filter(track -> track.kind().equals(MediaStreamTrack.AUDIO)).toList();
    }

    public List<MediaStreamTrack> getVideoTracks() {
        return tracks.stream().filter(track -> track.kind().equals(MediaStreamTrack.VIDEO)).toList();
    }

    /** The track with that {@link MediaStreamTrack#id()}, if it is in this stream. */
    public Optional<MediaStreamTrack> getTrackById(String trackId) {
        return tracks.stream().filter(track -> track.id().equals(trackId)).findFirst();
    }

    /** Adds {@code track}; a track already in the stream is left as it is. No event (W3C). */
    public void addTrack(MediaStreamTrack track) {
        if (track == null) {
            throw new IllegalArgumentException("track must not be null");
        }
        tracks.addIfAbsent(track);
    }

    /** Removes {@code track}; one that is not in the stream is ignored. No event (W3C). */
    public void removeTrack(MediaStreamTrack track) {
        tracks.remove(track);
    }

    /** W3C {@code active}: at least one of the tracks is live. */
    public boolean active() {
        return tracks.stream().anyMatch(track -> track.readyState() == MediaStreamTrackState.LIVE);
    }

    /** Registers {@code listener} for addtrack and removetrack; closing the result unregisters it. */
    public AutoCloseable addListener(MediaStreamListener listener) {
        return listeners.add(listener);
    }

    /**
     * The engine adds a track (a remote track arrived under this stream id): as {@link #addTrack},
     * then {@code addtrack} fires if the track was not there yet.
     */
    void addTrackAndNotify(MediaStreamTrack track) {
        if (track == null) {
            throw new IllegalArgumentException("track must not be null");
        }
        if (tracks.addIfAbsent(track)) {
            listeners.forEach(listener -> listener.onAddTrack(this, track), "listener of stream " + id);
        }
    }

    /** The engine removes a track: as {@link #removeTrack}, then {@code removetrack} fires if it was there. */
    void removeTrackAndNotify(MediaStreamTrack track) {
        if (tracks.remove(track)) {
            listeners.forEach(listener -> listener.onRemoveTrack(this, track), "listener of stream " + id);
        }
    }

    @Override
    public String toString() {
        return "MediaStream[" + id + ", " + tracks.size() + " tracks]";
    }
}
