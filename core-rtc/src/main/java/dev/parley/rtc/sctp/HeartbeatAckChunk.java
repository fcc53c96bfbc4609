package dev.parley.rtc.sctp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A HEARTBEAT ACK chunk (RFC 9260 §3.3.6): the answer to a HEARTBEAT, echoing its {@code info} unchanged.
 * The chunk value is one Heartbeat Info parameter (type 1, §3.2.1); this record keeps its value.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 5    |  Chunk Flags  |      Heartbeat Length         |
 * |   Heartbeat Info Type = 1     |      HB Info Length           |
 * |                  Sender-Specific Heartbeat Info               |
 * </pre>
 *
 * @param info the sender-specific heartbeat information, at most 65527 bytes; not copied — treat as read-only
 */
public record HeartbeatAckChunk(byte[] info) implements Chunk {
    public static final int TYPE = 5;
    /** Largest info that fits the chunk's 16-bit length with both headers. */
    public static final int MAX_INFO_LENGTH = 0xFFFF - 8;

    public HeartbeatAckChunk {
        Objects.requireNonNull(info, "info");
        if (info.length > MAX_INFO_LENGTH) {
            throw new IllegalArgumentException("heartbeat info of " + info.length + " bytes, at most " + MAX_INFO_LENGTH);
        }
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeartbeatAckChunk h && Arrays.equals(h.info, info);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return "HeartbeatAckChunk[info=" + Bytes.preview(info) + "]";
    }
}
