package dev.parley.rtc.interceptor.nack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.GenericNack;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NackGeneratorTest {
    private static final long MEDIA = 0xABCD;
    private static final StreamInfo VIDEO = new StreamInfo(MEDIA, 96, 90000, "1", "video", null, true, true, 0x1234, 97, Map.of());
    private static final StreamInfo LOCAL = new StreamInfo(0x5555, 96, 90000, "1", "video", "me", true);

    private final VirtualClock clock = new VirtualClock();
    private final List<List<RtcpPacket>> written = new ArrayList<>();
    private final NackGenerator generator = new NackGenerator(new InterceptorContext(clock.newSerialExecutor("pc"),
            written::add, rtp -> {}, Clock.systemUTC(), new Random(1)), NackSettings.DEFAULTS);

    @Test
    void aGapIsAskedForAtOnce_fromOurSendingSsrc() {
        generator.bindLocalStream(LOCAL);
        generator.bindRemoteStream(VIDEO);
        arrive(100, 101, 104);
        assertEquals(List.of(List.of(102, 103)), nacked());
        GenericNack nack = (GenericNack) written.get(0).get(0);
        assertEquals(0x5555, nack.senderSsrc());
        assertEquals(MEDIA, nack.mediaSsrc());
    }

    @Test
    void whatIsStillMissingIsAskedForAgainEachRetryInterval_andNoMoreOnceItArrives() {
        generator.bindRemoteStream(VIDEO);
        arrive(10, 12);
        assertEquals(List.of(List.of(11)), nacked());
        clock.advance(Duration.ofMillis(90));
        assertEquals(1, written.size(), "not again before the retry interval");
        clock.advance(Duration.ofMillis(30));
        assertEquals(List.of(List.of(11), List.of(11)), nacked());
        arrive(11); // the retransmission
        clock.advance(Duration.ofMillis(500));
        assertEquals(2, written.size());
        NackGenerator.Counters counters = generator.counters(MEDIA).orElseThrow();
        assertEquals(new NackGenerator.Counters(2, 2, 1, 0), counters);
    }

    @Test
    void aMeasuredRoundTripShortensTheRetry_toOneRoundTrip() {
        generator.bindRemoteStream(VIDEO);
        generator.onRoundTripTime(Duration.ofMillis(50).toNanos());
        arrive(10, 12);
        clock.advance(Duration.ofMillis(40));
        assertEquals(1, written.size(), "not before a round trip");
        clock.advance(Duration.ofMillis(20));
        assertEquals(List.of(List.of(11), List.of(11)), nacked(), "asked again after 60 ms (ticks of 20), not 100");
        generator.onRoundTripTime(Duration.ofSeconds(2).toNanos());
        clock.advance(Duration.ofMillis(110));
        assertEquals(3, written.size(), "a long round trip still retries within the retry interval");
    }

    @Test
    void aPacketIsGivenUpAfterMaxRequests() {
        generator.bindRemoteStream(VIDEO);
        arrive(1, 3);
        clock.advance(Duration.ofSeconds(5));
        long requests = nacked().stream().filter(l -> l.contains(2)).count();
        assertEquals(NackSettings.DEFAULTS.maxRequests(), requests);
        NackGenerator.Counters counters = generator.counters(MEDIA).orElseThrow();
        assertEquals(1, counters.packetsGivenUp());
        assertEquals(0, counters.packetsRecovered());
    }

    @Test
    void aPacketMissingLongerThanMaxWaitIsGivenUp() {
        NackGenerator patient = new NackGenerator(new InterceptorContext(clock.newSerialExecutor("pc2"), written::add,
                rtp -> {}, Clock.systemUTC(), new Random(2)),
                new NackSettings(Duration.ofMillis(100), 100, Duration.ofMillis(350), 1000, 1024, Duration.ofMillis(50)));
        patient.bindRemoteStream(VIDEO);
        patient.onIncomingRtp(packet(1), clock.nanoTime());
        patient.onIncomingRtp(packet(3), clock.nanoTime());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(4, written.size(), "at 0, 100, 200, 300 ms; given up past 350 ms");
        assertEquals(1, patient.counters(MEDIA).orElseThrow().packetsGivenUp());
    }

    @Test
    void gapsAcrossTheSequenceNumberWrapAreGaps_andReorderedPacketsAreNotAskedAgain() {
        generator.bindRemoteStream(VIDEO);
        arrive(65533, 65534, 1, 65535);
        assertEquals(List.of(List.of(65535, 0)), nacked());
        clock.advance(Duration.ofMillis(150));
        assertEquals(List.of(List.of(65535, 0), List.of(0)), nacked());
    }

    @Test
    void aHugeGapTracksOnlyTheNewestMaxMissing() {
        generator.bindRemoteStream(VIDEO);
        arrive(0, 3000);
        List<Integer> asked = nacked().get(0);
        assertEquals(1000, asked.size());
        assertEquals(2000, asked.get(0));
        assertEquals(2999, asked.get(999));
        assertEquals(1999, generator.counters(MEDIA).orElseThrow().packetsGivenUp());
    }

    @Test
    void withoutReducedSizeRtcpTheNackFollowsAnEmptyReceiverReport() {
        generator.bindRemoteStream(new StreamInfo(MEDIA, 96, 90000, "1", "video", null, false, true,
                StreamInfo.NO_RTX, StreamInfo.NO_RTX, Map.of()));
        arrive(5, 7);
        List<RtcpPacket> compound = written.get(0);
        assertEquals(2, compound.size());
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, compound.get(0));
        assertTrue(rr.reports().isEmpty());
        assertEquals(List.of(6), ((GenericNack) compound.get(1)).lostSequenceNumbers());
    }

    @Test
    void streamsWithoutNackAreLeftAlone_andUnbindingStopsTheTimer() {
        generator.bindRemoteStream(new StreamInfo(0x77, 111, 48000, "0", "audio", null, true));
        generator.onIncomingRtp(RtpPacket.builder().ssrc(0x77).sequenceNumber(1).build(), clock.nanoTime());
        generator.onIncomingRtp(RtpPacket.builder().ssrc(0x77).sequenceNumber(9).build(), clock.nanoTime());
        assertTrue(written.isEmpty());
        assertEquals(0, clock.pendingEvents(), "no NACK stream, no timer");

        generator.bindRemoteStream(VIDEO);
        assertEquals(1, clock.pendingEvents());
        generator.unbindRemoteStream(VIDEO);
        clock.advance(Duration.ofMillis(100));
        assertEquals(0, clock.pendingEvents());
    }

    private void arrive(int... sequenceNumbers) {
        for (int s : sequenceNumbers) {
            generator.onIncomingRtp(packet(s), clock.nanoTime());
        }
    }

    private static RtpPacket packet(int sequenceNumber) {
        return RtpPacket.builder().ssrc(MEDIA).payloadType(96).sequenceNumber(sequenceNumber)
                .timestamp(3000L * sequenceNumber).payload(new byte[100]).build();
    }

    /** The sequence numbers of each NACK written, in order. */
    private List<List<Integer>> nacked() {
        List<List<Integer>> nacks = new ArrayList<>();
        for (List<RtcpPacket> compound : written) {
            for (RtcpPacket p : compound) {
                if (p instanceof GenericNack nack) {
                    nacks.add(nack.lostSequenceNumbers());
                }
            }
        }
        return nacks;
    }
}
