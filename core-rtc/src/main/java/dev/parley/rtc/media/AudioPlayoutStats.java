package dev.parley.rtc.media;

/**
 * What an audio jitter buffer did, as the counters of W3C webrtc-stats
 * {@code RTCInboundRtpStreamStats} name them. "Samples" are per channel (one instant across all
 * channels), delays are sums in seconds over emitted samples, as the spec defines them. Survives
 * the buffers of one receiver (a codec change starts a new buffer, not new counters). On the
 * executor only.
 */
public final class AudioPlayoutStats {
    long totalSamplesReceived;
    long concealedSamples;
    long silentConcealedSamples;
    long concealmentEvents;
    long insertedSamplesForDeceleration;
    long removedSamplesForAcceleration;
    long jitterBufferEmittedCount;
    double jitterBufferDelay;
    double jitterBufferTargetDelay;
    long fecPacketsReceived;
    long lateDrops;
    long duplicateDrops;
    long overflowDrops;
    long flushedDrops;
    long invalidDrops;
    long decodeFailures;
    long resyncs;

    /** Every sample played out: decoded, concealed or inserted. */
    public long totalSamplesReceived() {
        return totalSamplesReceived;
    }

    /** Samples made up for lost or late packets (codec concealment and silence). */
    public long concealedSamples() {
        return concealedSamples;
    }

    /** The part of {@link #concealedSamples} that was silence (long gaps). */
    public long silentConcealedSamples() {
        return silentConcealedSamples;
    }

    /** Runs of concealment: each starts with a concealed sample after a decoded one. */
    public long concealmentEvents() {
        return concealmentEvents;
    }

    /** Samples inserted to slow playout down (the buffer held less than its target). */
    public long insertedSamplesForDeceleration() {
        return insertedSamplesForDeceleration;
    }

    /** Samples dropped to speed playout up (the buffer held more than its target). */
    public long removedSamplesForAcceleration() {
        return removedSamplesForAcceleration;
    }

    /** Decoded samples played out, the count that {@link #jitterBufferDelay} sums over. */
    public long jitterBufferEmittedCount() {
        return jitterBufferEmittedCount;
    }

    /** Sum over emitted samples of the time from their packet's arrival to their playout, seconds. */
    public double jitterBufferDelay() {
        return jitterBufferDelay;
    }

    /** Sum over emitted samples of the target delay when they were played out, seconds. */
    public double jitterBufferTargetDelay() {
        return jitterBufferTargetDelay;
    }

    /** Lost packets recovered from the forward error correction the next packet carried. */
    public long fecPacketsReceived() {
        return fecPacketsReceived;
    }

    /**
     * Packets thrown away unplayed (W3C packetsDiscarded): too late, more than the buffer holds, or
     * held when their timeline ended.
     */
    public long packetsDiscarded() {
        return lateDrops + overflowDrops + flushedDrops;
    }

    /** Packets that arrived after their time had been played. */
    public long lateDrops() {
        return lateDrops;
    }

    /** Copies of packets already held or played. */
    public long duplicateDrops() {
        return duplicateDrops;
    }

    /** Packets that found the buffer full. */
    public long overflowDrops() {
        return overflowDrops;
    }

    /** Packets held when a new timeline started or the stream stopped. */
    public long flushedDrops() {
        return flushedDrops;
    }

    /** Packets with nothing to decode (an empty payload). */
    public long invalidDrops() {
        return invalidDrops;
    }

    /** Payloads the decoder refused; their time was concealed. */
    public long decodeFailures() {
        return decodeFailures;
    }

    /** How often the buffer started a new timeline (new source, timestamp jump, stream resumed). */
    public long resyncs() {
        return resyncs;
    }

    @Override
    public String toString() {
        return "AudioPlayoutStats[samples " + totalSamplesReceived + ", concealed " + concealedSamples
                + " (silent " + silentConcealedSamples + ", events " + concealmentEvents + "), inserted "
                + insertedSamplesForDeceleration + ", removed " + removedSamplesForAcceleration + ", emitted "
                + jitterBufferEmittedCount + ", delay " + jitterBufferDelay + " s, target " + jitterBufferTargetDelay
                + " s, fec " + fecPacketsReceived + ", late " + lateDrops + ", duplicates " + duplicateDrops
                + ", overflow " + overflowDrops + ", flushed " + flushedDrops + ", invalid " + invalidDrops + ", decode failures " + decodeFailures
                + ", resyncs " + resyncs + "]";
    }
}
