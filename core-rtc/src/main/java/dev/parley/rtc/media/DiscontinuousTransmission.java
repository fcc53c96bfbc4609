package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;

/**
 * Opus DTX done by the sender (RFC 7587 §3.1.3): where the receiver asked for it with
 * {@code usedtx=1}, packets of audio the capture side found to hold no speech are not sent, after
 * a hangover of {@value #HANGOVER_MILLIS} ms and except one every {@value #REFRESH_MILLIS} ms (the
 * receiver's comfort noise follows the background, as with libopus' own DTX). The first packet of
 * speech after a gap starts a talkspurt: its RTP marker bit is set (RFC 3551 §4.1).
 *
 * <p>Why here and not in the encoder: FFmpeg's libopus wrapper has no DTX option (its options are
 * application, frame_duration, packet_loss, fec, vbr, mapping_family, apply_phase_inv) and the
 * bundled libopus is linked into libavcodec without exported symbols, so {@code OPUS_SET_DTX}
 * can not be reached. The encoder keeps encoding every frame (its state stays continuous); only
 * sending stops. The sequence numbers stay contiguous and the timestamps jump, which is what a
 * receiver takes for DTX rather than loss.
 *
 * <p>Only frames that say {@link AudioFrame.VoiceActivity#INACTIVE} count as silence: frames
 * nobody looked at ({@code UNKNOWN}) are always sent. Not thread-safe: the sending thread.
 */
public final class DiscontinuousTransmission {
    /** Silence sent on before packets stop: the end of a word is quiet but still speech. */
    public static final int HANGOVER_MILLIS = 200;
    /** While silent, one packet this often, so the receiver's idea of the background stays current. */
    public static final int REFRESH_MILLIS = 400;

    /** What to do with a finished packet. */
    public enum Decision {
        /** Send it. */
        SEND,
        /** Send it with the marker bit: the first packet after a gap. */
        SEND_TALKSPURT_START,
        /** Do not send it: silence under DTX. */
        SKIP
    }

    private long silentNanos;
    private long sinceSentNanos;
    private boolean skipping;

    /** A frame going into the packet being encoded. */
    public void add(AudioFrame frame) {
        if (frame.voiceActivity() == AudioFrame.VoiceActivity.INACTIVE) {
            silentNanos += frame.durationNanos();
        } else {
            silentNanos = 0;
        }
    }

    /**
     * What to do with the packet just finished, of {@code packetNanos} of audio; {@code dtx} is
     * whether the receiver asked for DTX ({@code usedtx=1} in its fmtp).
     */
    public Decision decide(boolean dtx, long packetNanos) {
        sinceSentNanos += packetNanos;
        boolean silent = dtx && silentNanos > HANGOVER_MILLIS * 1_000_000L;
        if (silent && sinceSentNanos < REFRESH_MILLIS * 1_000_000L) {
            skipping = true;
            return Decision.SKIP;
        }
        sinceSentNanos = 0;
        if (skipping) {
            skipping = false;
            return silent ? Decision.SEND : Decision.SEND_TALKSPURT_START;
        }
        return Decision.SEND;
    }

    /** Starts afresh (a new negotiation). */
    public void reset() {
        silentNanos = 0;
        sinceSentNanos = 0;
        skipping = false;
    }
}
