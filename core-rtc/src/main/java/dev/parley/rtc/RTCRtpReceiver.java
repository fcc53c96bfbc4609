package dev.parley.rtc;

import dev.parley.rtc.media.AudioEnergy;
import dev.parley.rtc.media.AudioLevel;
import dev.parley.rtc.media.AudioPlayoutStats;
import dev.parley.rtc.media.PlayoutPoint;
import dev.parley.rtc.media.VideoOrientation;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.MediaKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code RTCRtpReceiver}: owns the remote track of its transceiver from the start (muted
 * until media arrives, W3C §5.3) and turns the RTP routed to it into frames on that track.
 */
public final class RTCRtpReceiver {
    private final MediaContext context;
    private final MediaKind kind;
    private final AudioTrackSource audioSource;
    private final VideoTrackSource videoSource;
    private final MediaStreamTrack track;
    private final AudioEnergy energy = new AudioEnergy();
    private final RtpSources sources;
    private RTCRtpTransceiver transceiver;
    private volatile List<MediaStream> remoteStreams = List.of();
    private volatile ReceiveConfig config = ReceiveConfig.NONE;
    /** Audio only: jitter buffer, decoding and playout; null for video. */
    private final AudioReceivePipeline audio;
    /** Video only: assembly and decoding; null for audio. */
    private final VideoReceivePipeline video;
    private long lastVideoSsrc = -1;
    private boolean receivedMedia;
    /**
     * Whether the remote description says the peer sends on this m-line. Packets it sent before
     * it applied the answer that stopped it still arrive; they must not unmute the track again.
     */
    private boolean remoteSends = true;

    RTCRtpReceiver(MediaContext context, MediaKind kind) {
        this.context = context;
        this.kind = kind;
        this.sources = new RtpSources(context.executor().nanoTime(), Instant.now());
        if (kind == MediaKind.AUDIO) {
            audioSource = new AudioTrackSource();
            videoSource = null;
            track = audioSource.createTrack("remote audio");
            audioSource.setMuted(true);
        } else {
            audioSource = null;
            videoSource = new VideoTrackSource();
            track = videoSource.createTrack("remote video");
            videoSource.setMuted(true);
        }
        this.audio = kind == MediaKind.AUDIO
                ? new AudioReceivePipeline(context.mediaEngine(), context.executor(), this::play)
                : null;
        this.video = kind == MediaKind.VIDEO
                ? new VideoReceivePipeline(context.mediaEngine(), videoSource::push, this::requestKeyFrame,
                        context.executor()::nanoTime)
                : null;
    }

    void bind(RTCRtpTransceiver owner) {
        this.transceiver = owner;
    }

    /** The remote track; the same object for the receiver's whole life. */
    public MediaStreamTrack track() {
        return track;
    }

    /** The remote streams this track belongs to ({@code a=msid}). */
    public List<MediaStream> streams() {
        return remoteStreams;
    }

    RTCRtpTransceiver transceiver() {
        return transceiver;
    }

    MediaKind kind() {
        return kind;
    }

    void setRemoteStreams(List<MediaStream> streams) {
        this.remoteStreams = List.copyOf(streams);
    }

    ReceiveConfig config() {
        return config;
    }

    /** On the executor, from negotiation. */
    void configure(ReceiveConfig newConfig) {
        this.config = newConfig;
    }

    /** Decoded audio energy for {@code inbound-rtp} stats (W3C totalAudioEnergy). */
    AudioEnergy energy() {
        return energy;
    }

    /**
     * W3C {@code getSynchronizationSources()}: the SSRCs whose media reached this receiver in the
     * last 10 seconds, the most recent first, with the RFC 6464 audio level of their last packet
     * where it carried one (audio only). Any thread.
     */
    public List<RTCRtpSynchronizationSource> getSynchronizationSources() {
        return sources.synchronizationSources(context.executor().nanoTime());
    }

    /**
     * W3C {@code getContributingSources()}: the CSRCs named by media packets in the last 10
     * seconds, the most recent first, with RFC 6465 levels where the packet had them. Any thread.
     */
    public List<RTCRtpContributingSource> getContributingSources() {
        return sources.contributingSources(context.executor().nanoTime());
    }

    /** Audio level header extension elements that were malformed and ignored. */
    long malformedAudioLevels() {
        return sources.malformedLevels();
    }

    /** An authenticated RTP packet routed here; on the executor. */
    void onRtp(RtpPacket packet) {
        if (transceiver.isStopping() || !remoteSends) {
            return;
        }
        if (!receivedMedia) {
            receivedMedia = true;
            setMuted(false);
        }
        CodecCapability codec = config.receiveCodecs().get(packet.payloadType());
        if (codec == null) {
            return;
        }
        if (codec.isMediaCodec()) {
            sources.record(packet, extensionId(MediaEngine.AUDIO_LEVEL_EXTENSION),
                    extensionId(AudioLevel.CSRC_EXTENSION_URI), context.executor().nanoTime());
        }
        if (video != null) {
            if (codec.isMediaCodec()) { // RTX and RED wait for loss recovery's wiring
                lastVideoSsrc = packet.ssrc();
                int orientation = config.headerExtensions().getOrDefault(MediaEngine.VIDEO_ORIENTATION_EXTENSION, 0);
                byte[] cvo = orientation > 0 ? packet.extensionElement(orientation) : null;
                if (cvo != null && cvo.length >= 1) {
                    video.setRotation(VideoOrientation.rotationOf(cvo[0]));
                }
                video.onRtp(codec, packet, context.executor().nanoTime());
            }
            return;
        }
        if (codec.isMediaCodec()) { // comfort noise and DTMF have no decoder here
            audio.onRtp(codec, packet, context.executor().nanoTime());
        }
    }

    /** An audio m-line's negotiated id of {@code uri}; 0 for video, whose packets carry no audio level. */
    private int extensionId(String uri) {
        return kind == MediaKind.AUDIO ? config.headerExtensions().getOrDefault(uri, 0) : 0;
    }

    /** A frame of the audio playout: measured for stats, then to the track. */
    private void play(AudioFrame frame) {
        energy.add(frame);
        audioSource.push(frame);
    }

    private void requestKeyFrame() {
        if (lastVideoSsrc >= 0) {
            context.requestKeyFrame(lastVideoSsrc);
        }
    }

    /** What this receiver played last (RTP timestamp, local time), for audio/video sync; null before. On the executor. */
    PlayoutPoint lastPlayed() {
        return video != null ? video.lastShown() : audio.lastPlayed();
    }

    /** Holds playout back by {@code nanos} on top of what jitter needs, for audio/video sync. On the executor. */
    void setSyncDelay(long nanos) {
        if (video != null) {
            video.setSyncDelay(nanos);
        } else {
            audio.setSyncDelay(nanos);
        }
    }

    /** Jitter buffer counters for {@code inbound-rtp} stats; null for video. On the executor. */
    AudioPlayoutStats audioPlayout() {
        return audio == null ? null : audio.stats();
    }

    /** Video decoding counters for {@code inbound-rtp} stats; null for audio. On the executor. */
    VideoReceivePipeline.Counters videoCounters() {
        return video == null ? null : video.counters();
    }

    private void setMuted(boolean muted) {
        if (audioSource != null) {
            audioSource.setMuted(muted);
        } else {
            videoSource.setMuted(muted);
        }
    }

    /** The remote side stopped sending on this m-line (W3C "process the removal of a remote track"). */
    void remoteStoppedSending() {
        remoteSends = false;
        receivedMedia = false;
        if (audio != null) {
            audio.flush();
        }
        setMuted(true);
    }

    /** The remote description says the peer sends (again): its packets unmute the track. */
    void remoteSends() {
        remoteSends = true;
    }

    void stopReceiving() {
        if (video != null) {
            video.close();
        }
        if (audio != null) {
            audio.close();
        }
        if (audioSource != null) {
            audioSource.close();
        } else {
            videoSource.close();
        }
    }

    /** How a negotiated m-line receives: codecs by the payload types the remote sends, extension ids by URI. */
    record ReceiveConfig(Map<Integer, CodecCapability> receiveCodecs, Map<String, Integer> headerExtensions) {
        static final ReceiveConfig NONE = new ReceiveConfig(Map.of(), Map.of());

        ReceiveConfig {
            receiveCodecs = Map.copyOf(receiveCodecs);
            headerExtensions = Map.copyOf(headerExtensions);
        }
    }
}
