package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One RTCP packet (RFC 3550 §6.4) inside a compound packet: every known type is typed, anything
 * else is kept raw as {@link UnknownRtcpPacket} so that it round-trips.
 *
 * <p>The 4-byte common header (version, padding bit, count/format, packet type, length) is not
 * part of the value: the writer derives it, and padding belongs to the {@link RtcpCompound}.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, SourceDescription, Goodbye, ApplicationDefined,
                GenericNack, TransportWideCc, PictureLossIndication, FullIntraRequest, Remb,
                ExtendedReport, UnknownRtcpPacket {

    /** Packet type (RFC 3550 §12.1): 200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP, 205 RTPFB, 206 PSFB, 207 XR. */
    int packetType();

    /** The 5-bit field after the padding bit: report/source count, APP subtype or feedback FMT. */
    int countOrFormat();

    /** Bytes after the common header, without the alignment fill a TWCC packet may need. */
    int contentLength();

    /** Writes {@link #contentLength()} bytes: everything after the common header. Low level; see {@link #toBytes()}. */
    void writeContent(ByteBuffer out);

    /** This packet alone on the wire (for a compound, use {@link RtcpCompound#toBytes()}). */
    default byte[] toBytes() {
        return RtcpCompound.of(List.of(this)).toBytes();
    }
}
