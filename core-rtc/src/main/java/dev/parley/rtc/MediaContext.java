package dev.parley.rtc;

import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.RtpPacket;
import java.security.SecureRandom;

/** What senders, receivers and transceivers need from their peer connection. */
interface MediaContext {

    /** The peer connection's executor: it owns all negotiation and RTP state. */
    SerialExecutor executor();

    SecureRandom random();

    MediaEngine mediaEngine();

    /** Runs the packet through the interceptors and sends it; on the executor. */
    void sendRtp(RtpPacket packet);

    /** As {@link #sendRtp}, when the pacer lets it go (video: frames are spread, not burst); on the executor. */
    void sendPacedRtp(RtpPacket packet);

    /**
     * Tells sender reports when the frame about to be sent (RTP timestamp {@code rtpTimestamp} of
     * local stream {@code ssrc}) was captured, on the {@link System#nanoTime()} clock; on the executor.
     */
    default void frameCaptured(long ssrc, long rtpTimestamp, long captureNanos) {}

    /** Asks the sender of the remote stream {@code mediaSsrc} for a key frame (PLI); on the executor. */
    void requestKeyFrame(long mediaSsrc);

    /** W3C "update the negotiation-needed flag"; on the executor. */
    void updateNegotiationNeeded();

    /** Whether RTP can leave now (the transport has its SRTP keys). Any thread. */
    default boolean canSendMedia() {
        return true;
    }

    /** The W3C [[IsClosed]] slot. */
    boolean isClosed();
}
