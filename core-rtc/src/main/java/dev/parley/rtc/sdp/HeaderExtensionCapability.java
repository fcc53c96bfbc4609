package dev.parley.rtc.sdp;

import java.util.Objects;

/**
 * An RTP header extension we support (RFC 8285): its URI, the id we prefer to offer it with and
 * the direction we use it in.
 *
 * @param id 1-14 fit the one-byte header; 15-255 need the two-byte form (RFC 8285 §4.3)
 */
public record HeaderExtensionCapability(String uri, int id, Direction direction) {
    public HeaderExtensionCapability {
        SdpTokens.requireWord(uri, "header extension uri");
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("header extension id must be 1..255: " + id);
        }
        Objects.requireNonNull(direction, "direction");
    }

    /** Used in both directions, as WebRTC's extensions usually are. */
    public HeaderExtensionCapability(String uri, int id) {
        this(uri, id, Direction.SENDRECV);
    }
}
