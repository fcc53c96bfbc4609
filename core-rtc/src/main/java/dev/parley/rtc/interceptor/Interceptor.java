package dev.parley.rtc.interceptor;

import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.List;

/**
 * One RTP feature (RTCP reports, NACK, PLI, TWCC, pacing…) that watches or changes the RTP and
 * RTCP a peer connection sends and receives. Every method has a no-op default, so a feature
 * implements only what it needs; an {@link InterceptorChain} runs several in order.
 *
 * <p><b>Threading:</b> every call comes on the peer connection's executor
 * ({@link InterceptorContext#executor()}), which an interceptor gets at construction from its
 * {@link InterceptorFactory}; timers are scheduled there too. Interceptor state therefore needs no
 * locks; anything read from other threads (stats) must be published safely.
 *
 * <p>Packets are already decrypted (incoming) or not yet encrypted (outgoing): SRTP and sockets
 * are the peer connection's business. {@code nowNanos} is {@link InterceptorContext#nanoTime()}
 * when the packet arrived or is sent.
 */
public interface Interceptor extends AutoCloseable {

    /** A local stream (one of our SSRCs) starts: packets with its SSRC may now go out. */
    default void bindLocalStream(StreamInfo stream) {}

    /** A local stream ends; forget it. */
    default void unbindLocalStream(StreamInfo stream) {}

    /** A remote stream (an SSRC the peer sends) is known: its packets may now come in. */
    default void bindRemoteStream(StreamInfo stream) {}

    /** A remote stream ends; forget it. */
    default void unbindRemoteStream(StreamInfo stream) {}

    /**
     * An RTP packet on its way out. Returns the packet to send on (never {@code null}): the same
     * one, or a changed copy (say, with a header extension added).
     */
    default RtpPacket onOutgoingRtp(RtpPacket packet, long nowNanos) {
        return packet;
    }

    /** An RTP packet that came in. */
    default void onIncomingRtp(RtpPacket packet, long nowNanos) {}

    /** The packets of one compound RTCP packet that came in. */
    default void onIncomingRtcp(List<RtcpPacket> packets, long nowNanos) {}

    /** Stops timers and releases what the interceptor holds; called once, on the executor. */
    @Override
    default void close() {}
}
