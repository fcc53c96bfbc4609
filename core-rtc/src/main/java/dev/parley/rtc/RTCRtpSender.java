package dev.parley.rtc;

import dev.parley.rtc.media.AudioEnergy;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The W3C {@code RTCRtpSender}: sends one local track (or nothing) on its transceiver's m-line,
 * with its own SSRC. Frames reach it through a sink on the track; what happens next — encoding,
 * packetization, SRTP — belongs to the {@link SendPipeline} that negotiation configures.
 */
public final class RTCRtpSender {
    private final MediaContext context;
    private final String kind;
    private final long ssrc;
    private final long rtxSsrc;
    private final String cname;
    private final SendPipeline pipeline;
    private RTCRtpTransceiver transceiver;
    private volatile MediaStreamTrack track;
    private volatile List<String> streamIds;
    private volatile RTCRtpEncodingParameters encoding = RTCRtpEncodingParameters.DEFAULT;
    private volatile String lastTransactionId;
    private AutoCloseable trackSink;
    /** The W3C media-source levels of the audio track being sent; a new one per track. */
    private volatile AudioEnergy sourceEnergy;
    private AutoCloseable energySink;
    /** The track id {@code a=msid} names while the sender has no track (W3C: a new id per sender). */
    private final String signalingTrackId = UUID.randomUUID().toString();

    RTCRtpSender(MediaContext context, MediaKind kind, MediaStreamTrack track, List<String> streamIds, String cname) {
        this.context = Objects.requireNonNull(context, "context");
        this.kind = kind.sdpName();
        this.ssrc = nonZeroSsrc(context);
        this.rtxSsrc = nonZeroSsrc(context);
        this.cname = cname;
        this.streamIds = List.copyOf(streamIds);
        this.pipeline = kind == MediaKind.AUDIO ? new AudioSendPipeline(context, ssrc) : new VideoSendPipeline(context, ssrc);
        setTrackInternal(track);
    }

    private static long nonZeroSsrc(MediaContext context) {
        long value;
        do {
            value = context.random().nextInt() & 0xFFFFFFFFL;
        } while (value == 0);
        return value;
    }

    void bind(RTCRtpTransceiver owner) {
        this.transceiver = owner;
    }

    /** The track being sent, or null. */
    public MediaStreamTrack track() {
        return track;
    }

    /**
     * W3C {@code replaceTrack}: switches what is sent without renegotiation.
     *
     * @return completes with {@code TypeError} for a track of another kind,
     *     {@code InvalidStateError} if the transceiver is stopping or the connection closed
     */
    public CompletableFuture<Void> replaceTrack(MediaStreamTrack newTrack) {
        if (newTrack != null && !newTrack.kind().equals(kind)) {
            return CompletableFuture.failedFuture(new RTCException(RTCException.TYPE,
                    "cannot replace a " + kind + " track with a " + newTrack.kind() + " track"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.executor().execute(() -> {
            if (context.isClosed() || transceiver.isStopping()) {
                done.completeExceptionally(stoppingOrClosed());
                return;
            }
            setTrackInternal(newTrack);
            done.complete(null);
        });
        if (context.isClosed()) {
            // A closed connection's executor drops the task: without this the future never completes.
            done.completeExceptionally(stoppingOrClosed());
        }
        return done;
    }

    private static RTCException stoppingOrClosed() {
        return new RTCException(RTCException.INVALID_STATE, "the transceiver is stopping or the peer connection closed");
    }

    /** W3C {@code getParameters}: one encoding, the negotiated codecs, a fresh transaction id. */
    public RTCRtpSendParameters getParameters() {
        String transactionId = UUID.randomUUID().toString();
        lastTransactionId = transactionId;
        List<String> codecs = new ArrayList<>();
        for (CodecCapability codec : pipeline.negotiatedCodecs()) {
            codecs.add(kind + "/" + codec.name());
        }
        return new RTCRtpSendParameters(transactionId, List.of(encoding), codecs);
    }

    /**
     * W3C {@code setParameters}: applies {@code active} and {@code maxBitrate}.
     *
     * @return completes with {@code InvalidModificationError} if the parameters did not come
     *     from the latest {@link #getParameters()} or change the number of encodings,
     *     {@code InvalidStateError} if the transceiver is stopping or the connection closed
     */
    public CompletableFuture<Void> setParameters(RTCRtpSendParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (context.isClosed() || transceiver.isStopping()) {
            return CompletableFuture.failedFuture(stoppingOrClosed());
        }
        if (!parameters.transactionId().equals(lastTransactionId)) {
            return CompletableFuture.failedFuture(new RTCException(RTCException.INVALID_MODIFICATION,
                    "parameters must come from the latest getParameters()"));
        }
        if (parameters.encodings().size() != 1) {
            return CompletableFuture.failedFuture(new RTCException(RTCException.INVALID_MODIFICATION,
                    "the number of encodings cannot change: 1, not " + parameters.encodings().size()));
        }
        lastTransactionId = null;
        encoding = parameters.encodings().get(0);
        pipeline.setActive(encoding.active());
        pipeline.setMaxBitrate(encoding.maxBitrate());
        return CompletableFuture.completedFuture(null);
    }

    /** The SSRC this sender's RTP carries. */
    public long ssrc() {
        return ssrc;
    }

    long rtxSsrc() {
        return rtxSsrc;
    }

    String trackIdForSignaling() {
        return signalingTrackId;
    }

    String cname() {
        return cname;
    }

    String kind() {
        return kind;
    }

    List<String> streamIds() {
        return streamIds;
    }

    void setStreamIds(List<String> ids) {
        this.streamIds = List.copyOf(ids);
    }

    SendPipeline pipeline() {
        return pipeline;
    }

    RTCRtpEncodingParameters encoding() {
        return encoding;
    }

    /** On the executor. */
    void setTrackInternal(MediaStreamTrack newTrack) {
        if (trackSink != null) {
            closeQuietly(trackSink);
            trackSink = null;
        }
        if (energySink != null) {
            closeQuietly(energySink);
            energySink = null;
        }
        track = newTrack;
        sourceEnergy = null;
        if (newTrack != null) {
            if (transceiver != null) {
                transceiver.senderEverHadTrack = true;
            }
            trackSink = pipeline.attach(newTrack);
            if (newTrack.kind().equals(MediaStreamTrack.AUDIO)) {
                AudioEnergy energy = new AudioEnergy();
                sourceEnergy = energy;
                energySink = newTrack.addAudioSink(energy);
            }
        }
    }

    /** The levels of the audio track being sent (media-source stats), or null. */
    AudioEnergy sourceEnergy() {
        return sourceEnergy;
    }

    void stopSending() {
        setTrackInternal(null);
        pipeline.stop();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // a sink registration's close does not fail
        }
    }

    @Override
    public String toString() {
        return "RTCRtpSender[" + kind + ", ssrc=" + ssrc + ", track=" + (track == null ? "none" : track.id()) + "]";
    }
}
