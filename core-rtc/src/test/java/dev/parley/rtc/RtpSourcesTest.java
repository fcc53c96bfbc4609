package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.rtp.RtpPacket;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sources behind W3C getSynchronizationSources()/getContributingSources() on a test clock:
 * what each entry says, the 10 s expiry, the RFC 6464/6465 levels, malformed elements.
 */
class RtpSourcesTest {
    private static final long T0 = 5_000_000_000L;
    private static final Instant WALL = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final int SSRC_LEVEL_ID = 1;
    private static final int CSRC_LEVEL_ID = 7;

    private final RtpSources sources = new RtpSources(T0, WALL);

    private static RtpPacket.Builder packet(long ssrc, long rtpTimestamp) {
        return RtpPacket.builder().payloadType(111).sequenceNumber(1).timestamp(rtpTimestamp).ssrc(ssrc)
                .payload(new byte[] {1, 2, 3});
    }

    private static long at(long millis) {
        return T0 + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void anSsrc_withItsLastPacketsTimeRtpTimestampAndLevel() {
        sources.record(packet(0xCAFEL, 1000).extensionElement(SSRC_LEVEL_ID, new byte[] {(byte) 0x80 | 20}).build(),
                SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(100));
        sources.record(packet(0xCAFEL, 1960).extensionElement(SSRC_LEVEL_ID, new byte[] {40}).build(),
                SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(120));

        List<RTCRtpSynchronizationSource> ssrcs = sources.synchronizationSources(at(500));
        assertEquals(1, ssrcs.size(), ssrcs.toString());
        RTCRtpSynchronizationSource s = ssrcs.get(0);
        assertEquals(0xCAFEL, s.source());
        assertEquals(1960, s.rtpTimestamp());
        assertEquals(WALL.toEpochMilli() + 120.0, s.timestamp(), 1e-6, "wall clock of the last packet, in ms");
        assertEquals(0.01, s.audioLevel().orElseThrow(), 1e-9, "level 40 → 10^(-2)");
        assertTrue(sources.contributingSources(at(500)).isEmpty());
    }

    @Test
    void aSourceExpires10sAfterItsLastPacket_theMostRecentComesFirst() {
        sources.record(packet(1, 0).build(), 0, 0, at(0));
        sources.record(packet(2, 0).build(), 0, 0, at(3000));

        assertEquals(List.of(2L, 1L), sources.synchronizationSources(at(10_000)).stream()
                .map(RTCRtpSynchronizationSource::source).toList(), "exactly 10 s old is still listed");
        assertEquals(List.of(2L), sources.synchronizationSources(at(10_001)).stream()
                .map(RTCRtpSynchronizationSource::source).toList());
        sources.record(packet(1, 0).build(), 0, 0, at(12_000));
        assertEquals(List.of(1L, 2L), sources.synchronizationSources(at(12_500)).stream()
                .map(RTCRtpSynchronizationSource::source).toList(), "heard again, listed again");
        assertTrue(sources.synchronizationSources(at(22_001)).isEmpty());
    }

    @Test
    void withoutTheExtension_orWhereNotNegotiated_thereIsNoLevel() {
        sources.record(packet(1, 0).build(), SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(0));
        sources.record(packet(2, 0).extensionElement(SSRC_LEVEL_ID, new byte[] {10}).build(), 0, 0, at(0));
        assertTrue(sources.synchronizationSources(at(1)).stream().allMatch(s -> s.audioLevel().isEmpty()),
                sources.synchronizationSources(at(1)).toString());
    }

    @Test
    void silence_readsAsZero() {
        sources.record(packet(1, 0).extensionElement(SSRC_LEVEL_ID, new byte[] {127}).build(),
                SSRC_LEVEL_ID, 0, at(0));
        assertEquals(OptionalDouble.of(0.0), sources.synchronizationSources(at(1)).get(0).audioLevel());
    }

    @Test
    void csrcs_withRfc6465Levels_inCsrcOrder_missingOnesWithoutLevel() {
        sources.record(packet(9, 480).csrcs(100, 200, 300).extensionElement(CSRC_LEVEL_ID, new byte[] {0, 20})
                .build(), SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(50));
        List<RTCRtpContributingSource> csrcs = sources.contributingSources(at(60));
        assertEquals(3, csrcs.size(), csrcs.toString());
        for (RTCRtpContributingSource c : csrcs) {
            assertEquals(480, c.rtpTimestamp());
            assertEquals(WALL.toEpochMilli() + 50.0, c.timestamp(), 1e-6);
            OptionalDouble expected = c.source() == 100 ? OptionalDouble.of(1.0)
                    : c.source() == 200 ? OptionalDouble.of(0.1) : OptionalDouble.empty();
            assertEquals(expected.isPresent(), c.audioLevel().isPresent(), c.toString());
            if (expected.isPresent()) {
                assertEquals(expected.getAsDouble(), c.audioLevel().getAsDouble(), 1e-9, c.toString());
            }
        }
        assertEquals(List.of(9L), sources.synchronizationSources(at(60)).stream()
                .map(RTCRtpSynchronizationSource::source).toList(), "the mixer's SSRC is a synchronization source");
        assertTrue(sources.contributingSources(at(10_051)).isEmpty(), "CSRCs expire too");
    }

    @Test
    void malformedElements_areCountedAndIgnored() {
        // two-byte header form: lengths the one-byte form can not carry, an empty value and two bytes
        sources.record(packet(1, 0).extensionElement(SSRC_LEVEL_ID, new byte[] {5, 5}).build(),
                SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(0));
        sources.record(packet(2, 0).extensionElement(SSRC_LEVEL_ID, new byte[0]).build(),
                SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(0));
        sources.record(packet(3, 0).csrcs(4).extensionElement(CSRC_LEVEL_ID, new byte[0]).build(),
                SSRC_LEVEL_ID, CSRC_LEVEL_ID, at(0));
        assertEquals(3, sources.malformedLevels());
        assertEquals(3, sources.synchronizationSources(at(1)).size(), "their sources are still listed");
        assertTrue(sources.synchronizationSources(at(1)).stream().allMatch(s -> s.audioLevel().isEmpty()));
        assertFalse(sources.contributingSources(at(1)).get(0).audioLevel().isPresent());
    }
}
