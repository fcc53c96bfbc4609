package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audio receive pipeline on a virtual clock: PCMU packets every 20 ms become one 10 ms frame
 * every 10 ms from the executor's timer, playout rests once the stream stops, and flush and close
 * stop it at once.
 */
class AudioReceivePipelineTest {
    private static final CodecCapability PCMU = new CodecCapability("PCMU", 8000, 1, 0);
    private static final Duration MS_20 = Duration.ofMillis(20);

    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor executor = clock.newSerialExecutor("pc");
    private final List<AudioFrame> frames = new ArrayList<>();
    private final AudioReceivePipeline pipeline = new AudioReceivePipeline(MediaEngine.defaults(), executor, frames::add);

    /** Sends packets {@code from..to-1}, one each 20 ms of virtual time (μ-law 0x80 bytes: loud samples). */
    private void stream(int from, int to) {
        for (int i = from; i < to; i++) {
            byte[] payload = new byte[160];
            Arrays.fill(payload, (byte) 0x80);
            pipeline.onRtp(PCMU, RtpPacket.builder().payloadType(0).ssrc(5).sequenceNumber(i).timestamp(160L * i)
                    .payload(payload).build(), clock.nanoTime());
            clock.advance(MS_20);
        }
    }

    @Test
    void packetsEvery20Ms_becomeA10MsFrameEvery10Ms_onTheExecutorsClock() {
        stream(0, 100);
        assertTrue(frames.size() >= 198, "two frames a packet: " + frames.size());
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(80, frames.get(i).samplesPerChannel());
            assertEquals(8000, frames.get(i).sampleRate());
            assertEquals(10_000_000L, frames.get(i).captureTimeNanos() - frames.get(i - 1).captureTimeNanos(),
                    "steady playout at frame " + i);
        }
        assertTrue(Math.abs(frames.get(frames.size() - 1).sample(40)) > 30_000, "μ-law 0x80 is loud");
        assertEquals(0, pipeline.stats().concealedSamples(), pipeline.stats().toString());
        assertEquals(frames.size() * 80L, pipeline.stats().jitterBufferEmittedCount(),
                "every frame decoded from a packet: " + pipeline.stats());
        double meanDelay = pipeline.stats().jitterBufferDelay() / pipeline.stats().jitterBufferEmittedCount();
        assertTrue(meanDelay >= 0.02 && meanDelay <= 0.03, "the minimum delay, no jitter: " + meanDelay);
    }

    @Test
    void whenTheStreamStops_playoutConcealsThenRests_andResumesWithTheNextPacket() {
        stream(0, 20);
        clock.advance(Duration.ofSeconds(3));
        int played = frames.size();
        assertTrue(pipeline.stats().silentConcealedSamples() > 0, pipeline.stats().toString());
        clock.advance(Duration.ofSeconds(3));
        assertEquals(played, frames.size(), "idle: no frames");
        assertEquals(0, clock.pendingEvents(), "idle: no timer either");
        stream(1000, 1010);
        assertTrue(frames.size() > played + 10, "playing again: " + (frames.size() - played));
    }

    @Test
    void flushAndClose_stopPlayoutAtOnce() {
        stream(0, 10);
        pipeline.flush();
        int played = frames.size();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(played, frames.size(), "nothing after flush");
        stream(10, 20);
        assertTrue(frames.size() > played, "a packet after flush starts afresh");
        pipeline.close();
        played = frames.size();
        stream(20, 30);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(played, frames.size(), "nothing after close");
    }
}
