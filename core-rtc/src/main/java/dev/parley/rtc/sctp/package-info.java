/**
 * SCTP as WebRTC data channels use it (RFC 8831): an RFC 9260 association carried in DTLS
 * application data (RFC 8261), with partial reliability (RFC 3758), stream reset (RFC 6525) and
 * the data channel establishment protocol DCEP (RFC 8832).
 *
 * <p>Layers, bottom up: the wire format ({@link dev.parley.rtc.sctp.SctpPacket} and its chunks),
 * the receive side (TSN bookkeeping for SACKs, reassembly of messages per stream), the send side
 * (fragmentation, retransmission, congestion control), the association state machine that ties
 * them to a DTLS transport and timers, and DCEP on top.
 */
package dev.parley.rtc.sctp;
