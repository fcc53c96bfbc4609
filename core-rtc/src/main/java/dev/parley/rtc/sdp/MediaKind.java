package dev.parley.rtc.sdp;

import java.util.Optional;

/** The media types a WebRTC m= section carries (RFC 8829 §5.2.1), spelled as on the m= line. */
public enum MediaKind {
    AUDIO("audio"),
    VIDEO("video"),
    APPLICATION("application");

    private final String sdpName;

    MediaKind(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The m= line spelling, e.g. {@code "audio"}. */
    public String sdpName() {
        return sdpName;
    }

    /** The kind with this m= line spelling; empty for other media types (text, message, …). */
    public static Optional<MediaKind> fromSdpName(String name) {
        for (MediaKind k : values()) {
            if (k.sdpName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** True for audio and video, which are carried over RTP. */
    public boolean isRtp() {
        return this != APPLICATION;
    }
}
