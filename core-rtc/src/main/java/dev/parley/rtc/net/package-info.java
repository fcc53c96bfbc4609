/**
 * Sockets, time and demultiplexing: the {@link dev.parley.rtc.net.Net} abstraction with its real
 * (NIO) and virtual (in-memory, NATs, virtual clock) implementations, and the first-byte
 * demultiplexer of RFC 7983 that splits one socket's traffic into STUN, DTLS and RTP/RTCP.
 */
package dev.parley.rtc.net;
