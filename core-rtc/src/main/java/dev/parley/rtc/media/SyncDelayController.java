package dev.parley.rtc.media;

/**
 * The extra playout delays that line audio and video up: given how much later video plays than
 * audio ({@link RelativeDelayEstimator}), delays the stream that is ahead. A stream that already
 * carries extra delay gives it back first, before the other one gets any, so at most one of the
 * two is delayed and neither more than needed. Each change is at most {@link #MAX_STEP_NANOS}
 * (a picture held or hurried by more would be a visible jump; audio changes pace to get there),
 * differences within {@link #DEADBAND_NANOS} are left alone (measurement noise, and well inside
 * what viewers notice), and neither delay exceeds {@link #MAX_EXTRA_NANOS}, as in browsers.
 * {@link #release} walks both back to zero when there is nothing to sync to. Pure logic;
 * single-threaded.
 */
public final class SyncDelayController {
    public static final long MAX_STEP_NANOS = 80_000_000L;
    public static final long DEADBAND_NANOS = 15_000_000L;
    public static final long MAX_EXTRA_NANOS = 1_000_000_000L;

    private long audioExtraNanos;
    private long videoExtraNanos;

    /**
     * One correction for a measured difference; returns whether a delay changed.
     *
     * @param videoLaterNanos video's capture-to-playout delay minus audio's, extra delays included
     */
    public boolean update(long videoLaterNanos) {
        if (Math.abs(videoLaterNanos) <= DEADBAND_NANOS) {
            return false;
        }
        long step = Math.min(Math.abs(videoLaterNanos), MAX_STEP_NANOS);
        long audio = audioExtraNanos;
        long video = videoExtraNanos;
        if (videoLaterNanos > 0) { // audio is ahead: video gives back, else audio waits
            if (video > 0) {
                video -= Math.min(step, video);
            } else {
                audio = Math.min(MAX_EXTRA_NANOS, audio + step);
            }
        } else if (audio > 0) { // video is ahead: audio gives back, else video waits
            audio -= Math.min(step, audio);
        } else {
            video = Math.min(MAX_EXTRA_NANOS, video + step);
        }
        return set(audio, video);
    }

    /** One step of both delays towards zero; returns whether a delay changed. */
    public boolean release() {
        return set(audioExtraNanos - Math.min(MAX_STEP_NANOS, audioExtraNanos),
                videoExtraNanos - Math.min(MAX_STEP_NANOS, videoExtraNanos));
    }

    /** The delay audio playout gets on top of its jitter buffer's own. */
    public long audioExtraNanos() {
        return audioExtraNanos;
    }

    /** The delay video pictures get on top of their playout's own. */
    public long videoExtraNanos() {
        return videoExtraNanos;
    }

    private boolean set(long audio, long video) {
        boolean changed = audio != audioExtraNanos || video != videoExtraNanos;
        audioExtraNanos = audio;
        videoExtraNanos = video;
        return changed;
    }
}
