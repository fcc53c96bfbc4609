package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One VP8 frame from its RTP packets (RFC 7741 §4): every descriptor is parsed and checked, the
 * first packet must start partition 0 (S set, PID 0) and no other may, picture IDs must agree, and
 * the VP8 data is concatenated. Whether it is a key frame comes from the VP8 payload header in the
 * first packet (RFC 7741 §4.3: P bit clear).
 */
public final class Vp8Depacketizer implements VideoDepacketizer {

    @Override
    public boolean startsFrame(RtpPacket packet) throws PayloadParseException {
        byte[] payload = packet.payload();
        return Vp8PayloadDescriptor.parse(payload, 0, payload.length).startsFrame();
    }

    @Override
    public DepacketizedFrame depacketize(List<RtpPacket> packets) throws PayloadParseException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        boolean keyFrame = false;
        String missing = null;
        int pictureId = -2;
        for (int i = 0; i < packets.size(); i++) {
            byte[] payload = packets.get(i).payload();
            Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(payload, 0, payload.length);
            if (i == 0) {
                pictureId = d.pictureId();
                if (d.startsFrame()) {
                    keyFrame = (payload[d.length()] & 0x01) == 0; // RFC 7741 §4.3: P, inverse key frame flag
                } else {
                    missing = "the frame's first packet (S set, partition 0)";
                }
            } else if (d.startsFrame()) {
                throw new PayloadParseException("VP8: packet " + packets.get(i).sequenceNumber()
                        + " starts a frame in the middle of another");
            } else if (d.pictureId() != pictureId) {
                throw new PayloadParseException("VP8: picture ID " + d.pictureId() + " in a frame of picture " + pictureId);
            }
            frame.write(payload, d.length(), payload.length - d.length());
        }
        long timestamp = packets.isEmpty() ? 0 : packets.get(0).timestamp();
        String runProblem = PacketRun.problem(packets);
        if (runProblem != null) {
            missing = runProblem;
        }
        if (missing != null) {
            return DepacketizedFrame.incomplete(missing, keyFrame, timestamp);
        }
        byte[] data = frame.toByteArray();
        if (keyFrame && data.length < 10) { // RFC 6386 §9.1: a key frame header is 10 bytes
            throw new PayloadParseException("VP8: key frame of " + data.length + " bytes, shorter than its header");
        }
        return DepacketizedFrame.complete(data, keyFrame, timestamp);
    }
}
