package dev.parley.rtc;

import dev.parley.rtc.sdp.MediaKind;
import java.util.Objects;
import java.util.Optional;

/**
 * The W3C {@code RTCRtpTransceiver}: one m-line of the call, pairing a sender and a receiver that
 * share a mid. {@link #direction()} is what we want; {@link #currentDirection()} what the last
 * completed negotiation agreed.
 */
public final class RTCRtpTransceiver {
    private final MediaContext context;
    private final MediaKind kind;
    private final RTCRtpSender sender;
    private final RTCRtpReceiver receiver;
    private volatile String mid;
    private volatile RTCRtpTransceiverDirection direction;
    private volatile RTCRtpTransceiverDirection currentDirection;
    private volatile boolean stopping;
    private volatile boolean stopped;

    // Negotiation bookkeeping, on the executor.
    /** The m-line index once associated (JSEP keeps an m-line's position for its life). */
    int mLineIndex = -1;
    /** Created by setRemoteDescription(offer): removed again if that offer is rolled back. */
    boolean createdByRemoteOffer;
    /** The mid was set by a description that is still pending (rolled back with it). */
    boolean midFromPendingDescription;
    /** W3C [[FiredDirection]]: whether a track event was fired for the receiving side. */
    RTCRtpTransceiverDirection firedDirection;
    /** The mid the last createOffer proposed for this unassociated transceiver. */
    String proposedMid;
    /** W3C: a transceiver whose sender ever had a track cannot be reused by addTrack. */
    boolean senderEverHadTrack;

    RTCRtpTransceiver(MediaContext context, MediaKind kind, RTCRtpSender sender, RTCRtpReceiver receiver,
            RTCRtpTransceiverDirection direction) {
        this.context = Objects.requireNonNull(context, "context");
        this.kind = kind;
        this.sender = sender;
        this.receiver = receiver;
        this.direction = direction;
        sender.bind(this);
        receiver.bind(this);
    }

    /** The m-line's mid, or empty before the transceiver's m-line is negotiated. */
    public Optional<String> mid() {
        return Optional.ofNullable(mid);
    }

    public RTCRtpSender sender() {
        return sender;
    }

    public RTCRtpReceiver receiver() {
        return receiver;
    }

    public RTCRtpTransceiverDirection direction() {
        return direction;
    }

    /** The direction the last negotiation agreed, or empty if never negotiated. */
    public Optional<RTCRtpTransceiverDirection> currentDirection() {
        return Optional.ofNullable(currentDirection);
    }

    /**
     * Changes the wanted direction; fires {@code negotiationneeded} if it differs.
     *
     * @throws RTCException {@code InvalidStateError} if the transceiver is stopping or stopped,
     *     {@code TypeError} for {@code stopped} (use {@link #stop()})
     */
    public void setDirection(RTCRtpTransceiverDirection newDirection) {
        Objects.requireNonNull(newDirection, "newDirection");
        if (newDirection == RTCRtpTransceiverDirection.STOPPED) {
            throw new RTCException(RTCException.TYPE, "setDirection cannot stop a transceiver: call stop()");
        }
        Sync.run(context, () -> {
            if (context.isClosed() || stopping) {
                throw new RTCException(RTCException.INVALID_STATE, "transceiver is stopping or closed");
            }
            if (direction != newDirection) {
                direction = newDirection;
                context.updateNegotiationNeeded();
            }
        });
    }

    /**
     * Stops sending and receiving at once; the m-line is rejected in the next negotiation
     * (W3C "stop the RTCRtpTransceiver").
     */
    public void stop() {
        Sync.run(context, () -> {
            if (context.isClosed()) {
                throw new RTCException(RTCException.INVALID_STATE, "the peer connection is closed");
            }
            if (stopping) {
                return;
            }
            stopSending();
            context.updateNegotiationNeeded();
        });
    }

    /** W3C "stop sending and receiving": sender and receiver stop, the remote track ends. */
    void stopSending() {
        stopping = true;
        direction = RTCRtpTransceiverDirection.STOPPED;
        sender.stopSending();
        receiver.stopReceiving();
    }

    /** W3C "stop the RTCRtpTransceiver" once negotiated away. */
    void markStopped() {
        if (!stopping) {
            stopSending();
        }
        stopped = true;
        currentDirection = RTCRtpTransceiverDirection.STOPPED;
    }

    public boolean isStopped() {
        return stopped;
    }

    boolean isStopping() {
        return stopping;
    }

    MediaKind kind() {
        return kind;
    }

    void setMid(String newMid) {
        this.mid = newMid;
    }

    void setCurrentDirection(RTCRtpTransceiverDirection negotiated) {
        this.currentDirection = negotiated;
    }

    void setDirectionInternal(RTCRtpTransceiverDirection newDirection) {
        this.direction = newDirection;
    }

    @Override
    public String toString() {
        return "RTCRtpTransceiver[mid=" + mid + ", " + kind + ", direction=" + direction + ", current=" + currentDirection + "]";
    }
}
