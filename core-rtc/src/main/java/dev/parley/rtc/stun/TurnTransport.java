package dev.parley.rtc.stun;

/**
 * How the client reaches its TURN server (RFC 8656 §3.1): {@code turn:…?transport=udp},
 * {@code turn:…?transport=tcp} or {@code turns:} (TLS over TCP). The relayed side is UDP in all three.
 */
public enum TurnTransport {
    UDP,
    TCP,
    TLS;

    /** Over TCP and TLS each request is sent once (RFC 8489 §6.2.2) and ChannelData is padded (RFC 8656 §12.5). */
    boolean isStream() {
        return this != UDP;
    }
}
