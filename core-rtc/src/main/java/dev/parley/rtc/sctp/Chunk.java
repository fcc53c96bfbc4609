package dev.parley.rtc.sctp;

/** One chunk of an SCTP packet (RFC 9260 §3.2), parsed into an immutable value. */
public interface Chunk {
    /** The chunk type byte (RFC 9260 §3.2, RFC 3758, RFC 6525). */
    int type();
}
