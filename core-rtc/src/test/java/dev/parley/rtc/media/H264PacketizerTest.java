package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.rtp.RtpPacket;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6184 packetization mode 1: single NAL units, STAP-A, FU-A, both ways. */
class H264PacketizerTest {
    private static final byte[] SPS = {0x67, 0x42, (byte) 0xE0, 0x1F, 0x11, 0x22};
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};

    private static byte[] nal(int header, int length) {
        byte[] nal = new byte[length];
        nal[0] = (byte) header;
        for (int i = 1; i < length; i++) {
            nal[i] = (byte) (i % 251 + 1); // no zero bytes: no accidental start codes
        }
        return nal;
    }

    private static byte[] annexB(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nals.length; i++) {
            out.writeBytes(i % 2 == 0 ? new byte[] {0, 0, 0, 1} : new byte[] {0, 0, 1}); // both start code lengths
            out.writeBytes(nals[i]);
        }
        return out.toByteArray();
    }

    private static byte[] annexB4(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.writeBytes(AnnexB.START_CODE);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    private static List<RtpPacket> packets(List<byte[]> payloads) {
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(RtpPacket.builder().payloadType(102).sequenceNumber(100 + i).timestamp(9000).ssrc(1)
                    .marker(i == payloads.size() - 1).payload(payloads.get(i)).build());
        }
        return packets;
    }

    private static EncodedVideoFrame frame(byte[] data, boolean key) {
        return new EncodedVideoFrame(data, key, 9000, 640, 480, 0);
    }

    @Test
    void parameterSetsShareAStapAAndALargeIdrIsFragmented() throws Exception {
        byte[] idr = nal(0x65, 2500);
        List<byte[]> payloads = new H264Packetizer(1000).packetize(frame(annexB(SPS, PPS, idr), true));
        // RFC 6184 §5.7.1 Figure 7: STAP-A header (F|NRI|24), then size + NAL unit for each.
        byte[] stap = payloads.get(0);
        assertEquals(0x60 | 24, stap[0] & 0xFF, "NRI of the SPS/PPS (3), type 24");
        assertEquals(1 + 2 + SPS.length + 2 + PPS.length, stap.length);
        assertEquals(SPS.length, (stap[1] & 0xFF) << 8 | stap[2] & 0xFF);
        assertEquals(0x67, stap[3] & 0xFF);
        // §5.8 Figure 14: FU indicator (F|NRI|28), FU header (S|E|R|type).
        assertEquals(4, payloads.size(), "STAP-A and three fragments of 2499 bytes");
        assertEquals(0x60 | 28, payloads.get(1)[0] & 0xFF);
        assertEquals(0x80 | 5, payloads.get(1)[1] & 0xFF, "S, type 5");
        assertEquals(5, payloads.get(2)[1] & 0xFF, "middle fragment");
        assertEquals(0x40 | 5, payloads.get(3)[1] & 0xFF, "E, type 5");
        for (byte[] p : payloads) {
            assertTrue(p.length <= 1000);
        }
        DepacketizedFrame out = new H264Depacketizer().depacketize(packets(payloads));
        assertTrue(out.complete(), out.toString());
        assertTrue(out.keyFrame(), "an IDR inside FU-As");
        assertArrayEquals(annexB4(SPS, PPS, idr), out.data());
    }

    @Test
    void aMidSizeNalUnitGoesAlone() throws Exception {
        byte[] slice = nal(0x41, 900);
        List<byte[]> payloads = new H264Packetizer(1000).packetize(frame(annexB(slice), false));
        assertEquals(1, payloads.size());
        assertArrayEquals(slice, payloads.get(0), "§5.6: the NAL unit is the payload");
        DepacketizedFrame out = new H264Depacketizer().depacketize(packets(payloads));
        assertFalse(out.keyFrame());
        assertArrayEquals(annexB4(slice), out.data());
    }

    @Test
    void brokenFragmentRunsAreIncomplete() throws Exception {
        List<RtpPacket> all = packets(new H264Packetizer(1000).packetize(frame(annexB(SPS, PPS, nal(0x65, 2500)), true)));
        H264Depacketizer depacketizer = new H264Depacketizer();
        assertFalse(depacketizer.depacketize(List.of(all.get(0), all.get(2), all.get(3))).complete(), "start fragment lost");
        assertFalse(depacketizer.depacketize(all.subList(0, 3)).complete(), "end fragment lost");
        assertFalse(depacketizer.depacketize(List.of(all.get(0), all.get(1), all.get(3))).complete(), "middle lost");
        assertTrue(depacketizer.startsFrame(all.get(1)), "an S fragment can start a frame");
        assertFalse(depacketizer.startsFrame(all.get(2)));
    }

    @Test
    void malformedPayloadsAreParseErrors() {
        H264Depacketizer d = new H264Depacketizer();
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[0]))));
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[] {25, 1, 2})))); // STAP-B
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[] {24, 0, 9, 0x41}))));
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[] {24, 0, 0}))));
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[] {28, (byte) 0xC5, 1}))));
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[] {28, (byte) 0x85}))));
        assertThrows(PayloadParseException.class, () -> d.depacketize(packets(List.of(new byte[] {0x1F, 1}))));
    }

    @Test
    void anAccessUnitWithoutStartCodesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(1000).packetize(frame(new byte[] {1, 2, 3}, false)));
    }
}
