package dev.parley.rtc.net;

/** What a datagram on a WebRTC port is, judged from its first bytes (RFC 7983, RFC 5761). */
public enum PacketKind {
    /** First byte 0..3: STUN, for ICE (RFC 7983 §7). */
    STUN,
    /** First byte 16..19: ZRTP; not used by WebRTC, counted and dropped. */
    ZRTP,
    /** First byte 20..63: a DTLS record. */
    DTLS,
    /** First byte 64..79: TURN ChannelData (RFC 7983 §7, RFC 8656 §12). */
    TURN_CHANNEL,
    /** First byte 128..191 and a second byte outside 192..223: RTP. */
    RTP,
    /** First byte 128..191 and a second byte in 192..223: RTCP (RFC 5761 §4). */
    RTCP,
    /** Anything else, including empty datagrams: dropped and counted. */
    UNKNOWN
}
