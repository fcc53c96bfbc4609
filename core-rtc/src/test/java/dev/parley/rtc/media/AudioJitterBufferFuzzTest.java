package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.rtc.AudioFrame;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audio jitter buffer under arbitrary input: fuzz bytes (or seeded random ones) become a
 * stream of inserts with any SSRC, sequence number, timestamp, payload (garbage the decoder
 * refuses among them) and arrival time, and pulls on a clock that may stall. Nothing may escape,
 * frames are always 10 ms, the buffer stays bounded, and every packet is accounted for: played
 * (decoded or refused), held, or a counted drop.
 */
class AudioJitterBufferFuzzTest {
    private static final int MAX_PACKETS = 16;

    @FuzzTest
    void fuzz(byte[] data) {
        drive(data);
    }

    @Test
    void randomStreams_neverThrow_andEveryPacketIsAccountedFor() {
        for (long seed = 0; seed < 200; seed++) {
            byte[] data = new byte[4096];
            new Random(seed).nextBytes(data);
            drive(data);
        }
    }

    @Test
    void randomButPlausibleStreams_areMostlyPlayed() {
        // sequential packets, some sent twice, some swapped with the next, a few with garbage payloads
        Random random = new Random(11);
        ByteBuffer ops = ByteBuffer.allocate(200_000);
        int seq = 0;
        while (ops.remaining() >= 64) {
            boolean swap = random.nextInt(20) == 0;
            int first = swap ? seq + 1 : seq;
            int second = swap ? seq : seq + 1;
            for (int s : new int[] {first, second}) {
                byte[] payload = random.nextInt(50) == 0 ? new byte[] {MarkerDecoder.REFUSED, 0} : MarkerDecoder.payload(s);
                int copies = random.nextInt(20) == 0 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    ops.put((byte) 0).putShort((short) s).putInt(160 * s).put((byte) 0).put((byte) payload.length).put(payload);
                }
                // two pulls per 20 ms packet, the clock between them jittering by ±5 ms
                ops.put((byte) 1).put((byte) (5 + random.nextInt(11))).put((byte) 1).put((byte) (5 + random.nextInt(11)));
            }
            seq += 2;
        }
        AudioPlayoutStats stats = drive(Arrays.copyOf(ops.array(), ops.position()));
        assertTrue(stats.jitterBufferEmittedCount() > 0, stats.toString());
        assertTrue(stats.duplicateDrops() > 0 && stats.decodeFailures() > 0, stats.toString());
        assertTrue(stats.jitterBufferEmittedCount() > 10 * stats.concealedSamples(), "mostly played: " + stats);
    }

    /**
     * Op 0: insert (SSRC bit, sequence, timestamp, arrival step, payload length and bytes);
     * op 1: advance the clock by a step of 0..255 ms and pull; anything else: pull now.
     */
    private static AudioPlayoutStats drive(byte[] data) {
        AudioPlayoutStats stats = new AudioPlayoutStats();
        MarkerDecoder decoder = new MarkerDecoder(data.length > 0 && (data[0] & 1) == 1);
        AudioJitterBuffer buffer = new AudioJitterBuffer(decoder, stats,
                new AudioJitterBuffer.Settings(20_000_000L, 500_000_000L, MAX_PACKETS));
        ByteBuffer in = ByteBuffer.wrap(data);
        long now = 0;
        long inserts = 0;
        while (in.hasRemaining()) {
            int op = in.get() & 0x03;
            if (op == 0 && in.remaining() >= 8) {
                int ssrcAndSeq = in.getShort() & 0xFFFF;
                long timestamp = in.getInt() & 0xFFFF_FFFFL;
                now += (in.get() & 0xFF) * 1_000_000L;
                int length = Math.min(in.get() & 0x07, in.remaining());
                byte[] payload = new byte[length];
                in.get(payload);
                buffer.insert(ssrcAndSeq >> 15, ssrcAndSeq, timestamp, payload, now);
                inserts++;
            } else {
                if (op == 1 && in.hasRemaining()) {
                    now += (in.get() & 0xFF) * 1_000_000L;
                }
                AudioFrame frame = buffer.pull(now);
                if (frame != null) {
                    assertEquals(80, frame.samplesPerChannel());
                }
            }
            assertTrue(buffer.packetCount() <= MAX_PACKETS);
        }
        long accounted = decoder.decodeCalls + buffer.packetCount() + stats.invalidDrops() + stats.duplicateDrops()
                + stats.lateDrops() + stats.overflowDrops() + stats.flushedDrops();
        assertEquals(inserts, accounted, stats.toString());
        assertTrue(stats.concealedSamples() >= stats.silentConcealedSamples());
        return stats;
    }
}
