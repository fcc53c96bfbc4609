package dev.parley.rtc.media;

import dev.parley.rtc.codec.EncodedVideoFrame;
import java.util.List;

/**
 * Cuts one encoded video frame into RTP payloads of at most a set size. The sender sends them in
 * order with the frame's timestamp and the marker bit on the last (RFC 3550 §5.1; RFC 7741 §4.1,
 * RFC 6184 §5.1). Stateful where the format numbers pictures (VP8's picture ID): one packetizer per
 * stream, on one thread.
 */
public interface VideoPacketizer {

    /** The payloads of {@code frame}, in sending order; never empty. */
    List<byte[]> packetize(EncodedVideoFrame frame);
}
