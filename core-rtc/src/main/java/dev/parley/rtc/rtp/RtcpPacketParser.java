package dev.parley.rtc.rtp;

/** Picks the parser for one RTCP packet's content by packet type and FMT; unknown ones stay raw. */
final class RtcpPacketParser {
    private RtcpPacketParser() {}

    /**
     * @param count the 5-bit count/FMT field
     * @param in    the content after the common header, padding removed
     * @param at    offset of the packet, for messages
     */
    static RtcpPacket parse(int type, int count, ByteReader in, int at) throws RtpParseException {
        // Only TWCC may end off a word boundary: libwebrtc pads it with the P bit (see TransportWideCc).
        boolean twcc = type == Rtcp.RTPFB && count == TransportWideCc.FMT;
        if (!twcc && in.remaining() % 4 != 0) {
            throw in.error("RTCP packet at offset " + at + ": content of " + in.remaining()
                    + " bytes after removing padding is not whole 32-bit words");
        }
        RtcpPacket packet = switch (type) {
            case Rtcp.SR -> SenderReport.parse(count, in);
            case Rtcp.RR -> ReceiverReport.parse(count, in);
            case Rtcp.SDES -> SourceDescription.parse(count, in);
            case Rtcp.BYE -> Goodbye.parse(count, in);
            case Rtcp.APP -> ApplicationDefined.parse(count, in);
            case Rtcp.RTPFB -> switch (count) {
                case GenericNack.FMT -> GenericNack.parse(in);
                case TransportWideCc.FMT -> TransportWideCc.parse(in);
                default -> null;
            };
            case Rtcp.PSFB -> switch (count) {
                case PictureLossIndication.FMT -> PictureLossIndication.parse(in);
                case FullIntraRequest.FMT -> FullIntraRequest.parse(in);
                case Remb.FMT -> Remb.isRemb(in) ? Remb.parse(in) : null;
                default -> null;
            };
            case Rtcp.XR -> ExtendedReport.parse(in);
            default -> null;
        };
        if (packet == null) {
            return new UnknownRtcpPacket(type, count, in.bytes(in.remaining(), "RTCP content"));
        }
        if (in.hasRemaining()) {
            throw in.error("RTCP " + packet.getClass().getSimpleName() + " at offset " + at + ": "
                    + in.remaining() + " unexpected bytes after its content at offset " + in.offset());
        }
        return packet;
    }
}
