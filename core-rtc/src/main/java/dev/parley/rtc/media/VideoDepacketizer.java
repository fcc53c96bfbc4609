package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.util.List;

/**
 * Puts one video frame back together from its RTP packets, checking that none is missing: the
 * counterpart of a {@link VideoPacketizer}. Stateless and thread-safe.
 */
public interface VideoDepacketizer {

    /** Whether this packet's payload is the first of a frame (VP8: S bit and partition 0; H.264: not a middle fragment). */
    boolean startsFrame(RtpPacket packet) throws PayloadParseException;

    /**
     * The frame carried by {@code packets}: one frame's packets (same timestamp) in sequence-number
     * order. A gap in the sequence numbers, a missing first or last packet or a broken fragment run
     * gives an {@linkplain DepacketizedFrame#complete() incomplete} result, never a guess.
     *
     * @throws PayloadParseException if a payload is malformed for the format
     */
    DepacketizedFrame depacketize(List<RtpPacket> packets) throws PayloadParseException;
}
