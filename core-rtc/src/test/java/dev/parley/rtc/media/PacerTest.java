package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.media.gcc.ProbeRequest;
import dev.parley.rtc.media.gcc.SentProbe;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor executor = clock.newSerialExecutor("pc");
    private final List<Integer> sequence = new ArrayList<>();
    private final List<Long> sentAtNanos = new ArrayList<>();

    private Pacer pacer(long targetBps) {
        return new Pacer(executor, p -> {
            sequence.add(p.sequenceNumber());
            sentAtNanos.add(clock.nanoTime());
        }, targetBps);
    }

    private static RtpPacket packet(int sequenceNumber, int payloadBytes) {
        return RtpPacket.builder().ssrc(1).payloadType(96).sequenceNumber(sequenceNumber).timestamp(0)
                .payload(new byte[payloadBytes]).build();
    }

    @Test
    void aKeyFrameIsSpreadAtTwoAndAHalfTimesTheTarget_inOrder() {
        Pacer pacer = pacer(1_000_000); // paced at 2.5 Mbit/s
        executor.execute(() -> {
            for (int i = 0; i < 40; i++) {
                pacer.enqueue(packet(i, 1188)); // 1200 bytes each: 48 KB
            }
        });
        clock.advance(Duration.ofSeconds(1));
        assertEquals(40, sequence.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, sequence.get(i));
        }
        double spreadMillis = (sentAtNanos.get(39) - sentAtNanos.get(0)) / 1e6;
        // 48 KB at 2.5 Mbit/s is 154 ms, less the 10 ms an idle pacer may send at once; 5 ms ticks.
        assertTrue(spreadMillis >= 135 && spreadMillis < 160, "spread over " + spreadMillis + " ms");
        assertEquals(0, sentAtNanos.get(0), "the first packet leaves at once");
    }

    @Test
    void aStreamWithinItsRateIsNotDelayed() {
        Pacer pacer = pacer(1_000_000);
        for (int frame = 0; frame < 30; frame++) {
            int first = frame * 3;
            executor.execute(() -> {
                for (int i = 0; i < 3; i++) {
                    pacer.enqueue(packet(first + i, 1188));
                }
            });
            long before = clock.nanoTime();
            clock.advance(Duration.ofMillis(33));
            for (int i = first; i < first + 3; i++) {
                assertTrue(sentAtNanos.get(i) - before <= 5_000_000, "frame " + frame + " waited");
            }
        }
    }

    @Test
    void aQueueBeyondASecondDrainsFaster_andCloseDropsTheRest() {
        Pacer pacer = pacer(100_000); // paced at 250 kbit/s
        executor.execute(() -> {
            for (int i = 0; i < 100; i++) {
                pacer.enqueue(packet(i, 1188)); // 960 kbit: 3.8 s at the pacing rate
            }
        });
        clock.advance(Duration.ofMillis(1500));
        assertEquals(100, sequence.size(), "drained within about a second, not 3.8");
        executor.execute(() -> {
            pacer.enqueue(packet(100, 1188));
            pacer.enqueue(packet(101, 1188));
            pacer.close();
            pacer.enqueue(packet(102, 1188));
        });
        clock.advance(Duration.ofMillis(100));
        assertTrue(sequence.size() <= 102 && !sequence.contains(102), "nothing after close: " + sequence.size());
    }

    @Test
    void aProbeSendsTheQueuedMediaThenPadding_atTheProbeRate_andReportsItsWindow() {
        List<Long> paddingAtNanos = new ArrayList<>();
        List<SentProbe> probes = new ArrayList<>();
        Pacer pacer = new Pacer(executor, p -> sentAtNanos.add(clock.nanoTime()), 300_000, now -> {
            paddingAtNanos.add(now);
            return 1200;
        }, probes::add);
        executor.execute(() -> {
            for (int i = 0; i < 3; i++) {
                pacer.enqueue(packet(i, 1188)); // the first leaves at once, the others wait for budget
            }
            pacer.probe(new ProbeRequest(1, 1_800_000, 12_000));
        });
        clock.advance(Duration.ofSeconds(1));
        assertEquals(3, sentAtNanos.size());
        assertEquals(8, paddingAtNanos.size(), "the two waiting media packets went first, padding made up 9.6 KB");
        assertTrue(paddingAtNanos.get(0) >= sentAtNanos.get(2));
        assertEquals(1, probes.size());
        SentProbe sent = probes.get(0);
        assertTrue(sent.firstSendNanos() <= sentAtNanos.get(1) && sent.firstSendNanos() > sentAtNanos.get(0)
                && sent.lastSendNanos() >= paddingAtNanos.get(7), "the window holds the probe's packets: " + sent);
        // 12 KB at 1.8 Mbit/s is 53 ms; 5 ms ticks
        double spreadMillis = (paddingAtNanos.get(7) - sentAtNanos.get(1)) / 1e6;
        assertTrue(spreadMillis >= 40 && spreadMillis <= 60, "spread over " + spreadMillis + " ms");
    }

    @Test
    void aProbeWithNothingToPadWith_isAbandoned_andTheNextOneStillRuns() {
        List<SentProbe> probes = new ArrayList<>();
        int[] paddingLeft = {0};
        Pacer pacer = new Pacer(executor, p -> { }, 300_000, now -> paddingLeft[0]-- > 0 ? 1200 : 0, probes::add);
        executor.execute(() -> pacer.probe(new ProbeRequest(1, 900_000, 6_000)));
        clock.advance(Duration.ofMillis(100));
        assertEquals(1, pacer.probesAbandoned());
        paddingLeft[0] = 100;
        executor.execute(() -> pacer.probe(new ProbeRequest(2, 900_000, 6_000)));
        clock.advance(Duration.ofMillis(200));
        assertEquals(1, probes.size());
        assertEquals(2, probes.get(0).request().id());
    }
}
