package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Frame assembly: order, loss, late packets, key frame requests, bounded memory. */
class VideoFrameAssemblerTest {
    private static final long MS = 1_000_000L;
    private final RtpSendStream stream = new RtpSendStream(7, 90_000, 65_530, 0); // wraps after 6 packets
    private final Vp8Packetizer vp8 = new Vp8Packetizer(200, 0);
    private final List<byte[]> sent = new ArrayList<>();

    private VideoFrameAssembler vp8Assembler() {
        return new VideoFrameAssembler(new Vp8Depacketizer(), true, 64, Duration.ofMillis(100), Duration.ofMillis(300));
    }

    /** Frame {@code n}: {@code length} bytes, a key frame when asked; its packets. */
    private List<RtpPacket> vp8Frame(int n, int length, boolean key) {
        byte[] data = new byte[length];
        new Random(n).nextBytes(data);
        data[0] = (byte) (key ? 0x10 : 0x11);
        sent.add(data);
        List<RtpPacket> packets = new ArrayList<>();
        List<byte[]> payloads = vp8.packetize(new EncodedVideoFrame(data, key, n * 3000L, 64, 64, 0));
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(stream.packetize(96, n * 3000L, i == payloads.size() - 1, payloads.get(i)));
        }
        return packets;
    }

    private static List<DepacketizedFrame> insertAll(VideoFrameAssembler assembler, List<RtpPacket> packets, long now) {
        List<DepacketizedFrame> out = new ArrayList<>();
        for (RtpPacket p : packets) {
            out.addAll(assembler.insert(p, now));
        }
        return out;
    }

    @Test
    void framesComeOutWholeAndInOrderEvenWhenPacketsAreShuffled() {
        VideoFrameAssembler assembler = vp8Assembler();
        List<RtpPacket> all = new ArrayList<>();
        all.addAll(vp8Frame(0, 700, true));
        for (int n = 1; n < 6; n++) {
            all.addAll(vp8Frame(n, 300 + 50 * n, false));
        }
        Collections.shuffle(all, new Random(3));
        List<DepacketizedFrame> frames = insertAll(assembler, all, 0);
        assertEquals(6, frames.size());
        for (int n = 0; n < 6; n++) {
            assertArrayEquals(sent.get(n), frames.get(n).data(), "frame " + n);
            assertEquals(n * 3000L, frames.get(n).timestamp());
        }
        assertEquals(0, assembler.bufferedPackets());
        assertFalse(assembler.pollKeyFrameRequest(10_000 * MS));
    }

    @Test
    void afterALossDeltaFramesWaitAndAKeyFrameIsRequestedWhenStuck() {
        VideoFrameAssembler assembler = vp8Assembler();
        assertEquals(1, insertAll(assembler, vp8Frame(0, 500, true), 0).size());
        List<RtpPacket> lossy = vp8Frame(1, 500, false);
        lossy.remove(1); // lost for good
        assertEquals(0, insertAll(assembler, lossy, 10 * MS).size());
        assertEquals(0, insertAll(assembler, vp8Frame(2, 300, false), 40 * MS).size(), "frame 2 waits behind the gap");
        assertFalse(assembler.pollKeyFrameRequest(100 * MS), "not stuck yet: a retransmission may come");
        assertTrue(assembler.pollKeyFrameRequest(141 * MS), "stuck for 100 ms: ask for a key frame");
        assertFalse(assembler.pollKeyFrameRequest(200 * MS), "not again within the request interval");
        assertTrue(assembler.pollKeyFrameRequest(442 * MS));

        List<DepacketizedFrame> key = insertAll(assembler, vp8Frame(3, 600, true), 450 * MS);
        assertEquals(1, key.size());
        assertTrue(key.get(0).keyFrame());
        assertEquals(0, assembler.bufferedPackets(), "what waited behind the gap is gone");
        assertFalse(assembler.pollKeyFrameRequest(2_000 * MS));
        assertEquals(1, insertAll(assembler, vp8Frame(4, 300, false), 460 * MS).size(), "deltas flow again");
    }

    @Test
    void aLatePacketReleasesTheFramesBehindIt() {
        VideoFrameAssembler assembler = vp8Assembler();
        insertAll(assembler, vp8Frame(0, 500, true), 0);
        List<RtpPacket> first = vp8Frame(1, 500, false);
        RtpPacket late = first.remove(2);
        insertAll(assembler, first, 0);
        insertAll(assembler, vp8Frame(2, 300, false), 0);
        List<DepacketizedFrame> released = assembler.insert(late, 0);
        assertEquals(2, released.size());
        assertArrayEquals(sent.get(1), released.get(0).data());
        assertArrayEquals(sent.get(2), released.get(1).data());
        assertTrue(assembler.insert(late, 0).isEmpty(), "a duplicate of a delivered packet is dropped");
        assertEquals(1, assembler.droppedPackets());
    }

    @Test
    void memoryStaysBounded() {
        VideoFrameAssembler assembler = vp8Assembler();
        insertAll(assembler, vp8Frame(0, 500, true), 0);
        for (int n = 1; n < 60; n++) {
            List<RtpPacket> packets = vp8Frame(n, 500, false);
            packets.remove(0); // every frame loses its first packet: nothing is ever decodable
            insertAll(assembler, packets, n * MS);
            assertTrue(assembler.bufferedPackets() <= 64, "held " + assembler.bufferedPackets());
        }
        assertTrue(assembler.droppedPackets() > 0);
        assertTrue(assembler.pollKeyFrameRequest(61 * MS), "dropping for memory wants a key frame");
    }

    @Test
    void anH264KeyFrameAfterALossStartsAgainButADeltaFrameWaits() {
        VideoFrameAssembler assembler = new VideoFrameAssembler(new H264Depacketizer(), false, 64,
                Duration.ofMillis(100), Duration.ofMillis(300));
        H264Packetizer h264 = new H264Packetizer(200);
        byte[] idr = {0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 9, 9, 9};
        byte[] delta = {0, 0, 0, 1, 0x41, 7, 7, 7};
        stream.packetize(102, 0, true, new byte[] {0x41, 1}); // a packet the assembler never sees
        List<DepacketizedFrame> out = new ArrayList<>();
        List<byte[]> deltaPayloads = h264.packetize(new EncodedVideoFrame(delta, false, 3000, 64, 64, 0));
        assertEquals(1, deltaPayloads.size());
        out.addAll(assembler.insert(stream.packetize(102, 3000, true, deltaPayloads.get(0)), 0));
        assertTrue(out.isEmpty(), "a delta frame after unknown packets is not decodable");
        stream.packetize(102, 4500, true, new byte[] {0x41, 1}); // lost too: the key frame's start is unconfirmed
        List<byte[]> idrPayloads = h264.packetize(new EncodedVideoFrame(idr, true, 6000, 64, 64, 0));
        assertEquals(1, idrPayloads.size(), "SPS, PPS and IDR in one STAP-A");
        out.addAll(assembler.insert(stream.packetize(102, 6000, true, idrPayloads.get(0)), 0));
        assertEquals(1, out.size());
        assertTrue(out.get(0).keyFrame());
        assertArrayEquals(idr, out.get(0).data());
        assertEquals(0, assembler.bufferedPackets(), "the waiting delta frame is dropped behind the key frame");
    }
}
