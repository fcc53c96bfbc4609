package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7741 payload descriptors and the VP8 packetizer/depacketizer pair. */
class Vp8PacketizerTest {

    private static Vp8PayloadDescriptor parse(int... bytes) throws PayloadParseException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Vp8PayloadDescriptor.parse(b, 0, b.length);
    }

    @Test
    void descriptorWithLongPictureIdAsRfc7741Figure() throws Exception {
        // RFC 7741 §4.2: X=1 S=1 PID=0; I=1; M=1 with PictureID 0x1267 (4711); then VP8 data.
        Vp8PayloadDescriptor d = parse(0x90, 0x80, 0x92, 0x67, 0x00);
        assertTrue(d.startsFrame());
        assertEquals(4711, d.pictureId());
        assertTrue(d.longPictureId());
        assertEquals(4, d.length());
        assertEquals(-1, d.tl0PicIdx());
    }

    @Test
    void descriptorWithEveryOptionalField() throws Exception {
        // X, N, PID 3; I L T K; 7-bit picture ID 17; TL0PICIDX 5; TID 2, Y, KEYIDX 9.
        Vp8PayloadDescriptor d = parse(0xA3, 0xF0, 0x11, 0x05, 0b1010_1001, 0xFF);
        assertTrue(d.nonReference());
        assertFalse(d.start());
        assertEquals(3, d.partitionIndex());
        assertEquals(17, d.pictureId());
        assertFalse(d.longPictureId());
        assertEquals(5, d.tl0PicIdx());
        assertEquals(2, d.temporalLayer());
        assertTrue(d.layerSync());
        assertEquals(9, d.keyIndex());
        assertEquals(5, d.length());
    }

    @Test
    void minimalDescriptorIsOneByte() throws Exception {
        Vp8PayloadDescriptor d = parse(0x10, 0x9D);
        assertTrue(d.startsFrame());
        assertEquals(-1, d.pictureId());
        assertEquals(1, d.length());
    }

    @Test
    void truncatedDescriptorsAreParseErrors() {
        assertThrows(PayloadParseException.class, () -> parse());
        assertThrows(PayloadParseException.class, () -> parse(0x90)); // X set, no extension byte
        assertThrows(PayloadParseException.class, () -> parse(0x90, 0x80, 0x92)); // 15-bit picture ID cut
        assertThrows(PayloadParseException.class, () -> parse(0x90, 0x80, 0x92, 0x67)); // no VP8 data
        assertThrows(PayloadParseException.class, () -> parse(0x90, 0x40)); // L set, no TL0PICIDX
    }

    private static List<RtpPacket> packets(List<byte[]> payloads, int firstSequence, long timestamp) {
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(RtpPacket.builder().payloadType(96).sequenceNumber((firstSequence + i) & 0xFFFF)
                    .timestamp(timestamp).ssrc(1).marker(i == payloads.size() - 1).payload(payloads.get(i)).build());
        }
        return packets;
    }

    private static byte[] frameData(int length, boolean key) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        data[0] = (byte) (key ? 0x10 : 0x11); // P bit (bit 0): 0 on a key frame (RFC 6386 §9.1)
        return data;
    }

    @Test
    void framesSplitEvenlyAndComeBackWhole() throws Exception {
        Vp8Packetizer packetizer = new Vp8Packetizer(100, 0x7FFE);
        byte[] data = frameData(290, true);
        List<byte[]> payloads = packetizer.packetize(new EncodedVideoFrame(data, true, 1000, 640, 480, 0));
        assertEquals(4, payloads.size(), "290 bytes in payloads of 96 data bytes");
        for (byte[] p : payloads) {
            assertTrue(p.length >= 76 && p.length <= 100, "even split: " + p.length);
        }
        Vp8PayloadDescriptor first = Vp8PayloadDescriptor.parse(payloads.get(0), 0, payloads.get(0).length);
        assertTrue(first.startsFrame());
        assertEquals(0x7FFE, first.pictureId());
        assertFalse(Vp8PayloadDescriptor.parse(payloads.get(1), 0, payloads.get(1).length).start());

        DepacketizedFrame frame = new Vp8Depacketizer().depacketize(packets(payloads, 65_534, 1000)); // wraps
        assertTrue(frame.complete(), frame.toString());
        assertTrue(frame.keyFrame());
        assertArrayEquals(data, frame.data());

        List<byte[]> next = packetizer.packetize(new EncodedVideoFrame(frameData(50, false), false, 4000, 640, 480, 0));
        assertEquals(1, next.size());
        assertEquals(0x7FFF, Vp8PayloadDescriptor.parse(next.get(0), 0, next.get(0).length).pictureId());
        DepacketizedFrame delta = new Vp8Depacketizer().depacketize(packets(next, 2, 4000));
        assertFalse(delta.keyFrame());
        assertEquals(0, Vp8PayloadDescriptor.parse(packetizer.packetize(
                new EncodedVideoFrame(frameData(50, false), false, 7000, 640, 480, 0)).get(0), 0, 54).pictureId(),
                "picture IDs wrap at 2^15");
    }

    @Test
    void incompleteFramesAreReportedNotGuessed() throws Exception {
        List<byte[]> payloads = new Vp8Packetizer(100, 1).packetize(
                new EncodedVideoFrame(frameData(290, true), true, 1000, 640, 480, 0));
        List<RtpPacket> all = packets(payloads, 10, 1000);
        Vp8Depacketizer depacketizer = new Vp8Depacketizer();
        assertFalse(depacketizer.depacketize(all.subList(1, 4)).complete(), "first packet lost");
        assertFalse(depacketizer.depacketize(all.subList(0, 3)).complete(), "last packet (marker) lost");
        assertFalse(depacketizer.depacketize(List.of(all.get(0), all.get(2), all.get(3))).complete(), "middle lost");
        assertFalse(depacketizer.depacketize(List.of()).complete());
        assertTrue(depacketizer.startsFrame(all.get(0)));
        assertFalse(depacketizer.startsFrame(all.get(1)));
    }

    @Test
    void aSecondFrameStartInsideAFrameIsAParseError() {
        List<byte[]> payloads = new Vp8Packetizer(100, 1).packetize(
                new EncodedVideoFrame(frameData(150, true), true, 1000, 640, 480, 0));
        List<byte[]> twoStarts = List.of(payloads.get(0), payloads.get(0));
        assertThrows(PayloadParseException.class, () -> new Vp8Depacketizer().depacketize(packets(twoStarts, 0, 1000)));
    }
}
