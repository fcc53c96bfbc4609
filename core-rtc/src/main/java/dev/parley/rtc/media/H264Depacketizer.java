package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One H.264 access unit from its RTP packets in packetization mode 1 (RFC 6184 §6.3): single NAL
 * unit packets (§5.6), STAP-A (§5.7.1) and FU-A (§5.8) are unpacked into an Annex B stream (each
 * NAL unit behind {@code 00 00 00 01}), which is what FFmpeg's h264 decoder reads. A key frame is
 * an access unit holding an IDR slice. Packet types of the other modes (STAP-B, MTAPs, FU-B) and
 * the reserved types are parse errors; a fragment run that is cut short makes the frame incomplete.
 */
public final class H264Depacketizer implements VideoDepacketizer {

    @Override
    public boolean startsFrame(RtpPacket packet) throws PayloadParseException {
        byte[] payload = packet.payload();
        if (payload.length == 0) {
            throw new PayloadParseException("H.264: empty payload");
        }
        int type = H264Nal.type(payload[0]);
        if (type != H264Nal.FU_A) {
            return true;
        }
        if (payload.length < 2) {
            throw new PayloadParseException("H.264 FU-A: no FU header");
        }
        return (payload[1] & 0x80) != 0;
    }

    @Override
    public DepacketizedFrame depacketize(List<RtpPacket> packets) throws PayloadParseException {
        Unpacker unpacker = new Unpacker();
        for (RtpPacket packet : packets) {
            unpacker.add(packet.payload());
        }
        if (unpacker.fragmentType >= 0 && unpacker.missing == null) {
            unpacker.missing = "the end of a fragmented NAL unit (FU-A with E set)";
        }
        long timestamp = packets.isEmpty() ? 0 : packets.get(0).timestamp();
        String runProblem = PacketRun.problem(packets);
        String missing = runProblem != null ? runProblem : unpacker.missing;
        if (missing != null) {
            return DepacketizedFrame.incomplete(missing, unpacker.idr, timestamp);
        }
        if (unpacker.out.size() == 0) {
            throw new PayloadParseException("H.264: no NAL unit in the frame");
        }
        return DepacketizedFrame.complete(unpacker.out.toByteArray(), unpacker.idr, timestamp);
    }

    /** Unpacks payloads in order into one Annex B stream. */
    private static final class Unpacker {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean idr;
        /** The type of the NAL unit being reassembled from FU-As, or -1. */
        int fragmentType = -1;
        String missing;

        void add(byte[] payload) throws PayloadParseException {
            if (payload.length == 0) {
                throw new PayloadParseException("H.264: empty payload");
            }
            int header = payload[0] & 0xFF;
            int type = H264Nal.type(header);
            if (type >= 1 && type <= 23) {
                endOfRun();
                nal(payload, 0, payload.length);
            } else if (type == H264Nal.STAP_A) {
                endOfRun();
                stapA(payload);
            } else if (type == H264Nal.FU_A) {
                fuA(payload, header);
            } else {
                throw new PayloadParseException("H.264: NAL unit type " + type
                        + (type == 0 || type >= 30 ? " is reserved" : " is not allowed in packetization mode 1"));
            }
        }

        /** A non-fragment packet where a fragment run is open: the run lost its end. */
        private void endOfRun() {
            if (fragmentType >= 0) {
                noteMissing("the end of a fragmented NAL unit (FU-A with E set)");
                fragmentType = -1;
            }
        }

        private void stapA(byte[] payload) throws PayloadParseException {
            int at = 1;
            int units = 0;
            while (at < payload.length) {
                if (payload.length - at < 2) {
                    throw new PayloadParseException("H.264 STAP-A: NALU size cut short at byte " + at);
                }
                int size = (payload[at] & 0xFF) << 8 | payload[at + 1] & 0xFF;
                at += 2;
                if (size == 0 || size > payload.length - at) {
                    throw new PayloadParseException("H.264 STAP-A: NAL unit of " + size + " bytes at byte " + at
                            + " where " + (payload.length - at) + " remain");
                }
                int type = H264Nal.type(payload[at]);
                if (type == 0 || type > 23) {
                    throw new PayloadParseException("H.264 STAP-A: aggregated NAL unit of type " + type);
                }
                nal(payload, at, size);
                at += size;
                units++;
            }
            if (units == 0) {
                throw new PayloadParseException("H.264 STAP-A without NAL units");
            }
        }

        private void fuA(byte[] payload, int indicator) throws PayloadParseException {
            if (payload.length < 3) {
                throw new PayloadParseException("H.264 FU-A of " + payload.length + " bytes: needs the FU header and data");
            }
            int fuHeader = payload[1] & 0xFF;
            boolean start = (fuHeader & 0x80) != 0;
            boolean end = (fuHeader & 0x40) != 0;
            int type = H264Nal.type(fuHeader);
            if (start && end) { // §5.8: a NAL unit that fits one packet is not fragmented
                throw new PayloadParseException("H.264 FU-A with both start and end bits set");
            }
            if (type == 0 || type > 23) {
                throw new PayloadParseException("H.264 FU-A fragment of a NAL unit of type " + type);
            }
            if (start) {
                endOfRun();
                out.writeBytes(AnnexB.START_CODE);
                out.write(H264Nal.forbiddenAndNri(indicator) | type); // the NAL header, rebuilt
                fragmentType = type;
                if (type == H264Nal.IDR) {
                    idr = true;
                }
            } else if (fragmentType < 0) {
                noteMissing("the first fragment (FU-A with S set) of a NAL unit");
                return;
            } else if (type != fragmentType) {
                throw new PayloadParseException("H.264 FU-A: a fragment of type " + type + " inside a NAL unit of type "
                        + fragmentType);
            }
            out.write(payload, 2, payload.length - 2);
            if (end) {
                fragmentType = -1;
            }
        }

        private void nal(byte[] payload, int offset, int length) {
            if (H264Nal.type(payload[offset]) == H264Nal.IDR) {
                idr = true;
            }
            out.writeBytes(AnnexB.START_CODE);
            out.write(payload, offset, length);
        }

        private void noteMissing(String what) {
            if (missing == null) {
                missing = what;
            }
        }
    }
}
