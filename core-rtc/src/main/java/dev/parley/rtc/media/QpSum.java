package dev.parley.rtc.media;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The W3C {@code qpSum} of one video stream (webrtc-stats: the sum of the QP of the frames encoded,
 * or decoded; divided by framesEncoded or framesDecoded it is the average). Frames whose bitstream
 * gives no QP are counted apart; the sum is unknown until one frame gave a QP. Thread-safe: the
 * coding thread adds, the stats read.
 */
public final class QpSum {
    private long sum;
    private long frames;
    private long unreadable;

    /** The frame's QP from {@code parser}, or empty (counted) when its bitstream does not give one. */
    public synchronized OptionalInt read(FrameQpParser parser, byte[] frame) {
        try {
            return OptionalInt.of(parser.qp(frame));
        } catch (BitstreamParseException e) {
            unreadable++;
            return OptionalInt.empty();
        }
    }

    /** Counts one frame's QP (for the receiver: only once the frame was decoded). */
    public synchronized void add(int qp) {
        sum += qp;
        frames++;
    }

    /** The sum, once at least one frame's QP is known. */
    public synchronized OptionalLong sum() {
        return frames == 0 ? OptionalLong.empty() : OptionalLong.of(sum);
    }

    /** Frames whose QP is in the sum. */
    public synchronized long frames() {
        return frames;
    }

    /** Frames whose bitstream gave no QP (malformed, or H.264 without its parameter sets). */
    public synchronized long unreadable() {
        return unreadable;
    }
}
