package dev.parley.rtc.interceptor.nack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.GenericNack;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtxPacket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NackResponderTest {
    private static final long MEDIA = 0x1111;
    private static final long RTX = 0x2222;
    private static final StreamInfo WITH_RTX = new StreamInfo(MEDIA, 96, 90000, "1", "video", "me", true, true, RTX, 97, Map.of());
    private static final StreamInfo IN_PLACE = new StreamInfo(MEDIA, 96, 90000, "1", "video", "me", true, true,
            StreamInfo.NO_RTX, StreamInfo.NO_RTX, Map.of());

    private final VirtualClock clock = new VirtualClock();
    private final List<RtpPacket> resent = new ArrayList<>();
    private final InterceptorContext context = new InterceptorContext(clock.newSerialExecutor("pc"), rtcp -> {},
            resent::add, Clock.systemUTC(), new Random(1));
    private NackResponder responder = new NackResponder(context, NackSettings.DEFAULTS);

    @Test
    void nackedPacketsGoOutAgainOnTheRtxStream_withTheirOriginalSequenceNumbers() throws Exception {
        responder.bindLocalStream(WITH_RTX);
        List<RtpPacket> sent = send(500, 510);
        nack(503, 507);

        assertEquals(2, resent.size());
        RtpPacket first = resent.get(0);
        RtpPacket second = resent.get(1);
        assertEquals(RTX, first.ssrc());
        assertEquals(97, first.payloadType());
        assertEquals((first.sequenceNumber() + 1) & 0xFFFF, second.sequenceNumber(), "the RTX stream counts on");
        assertEquals(sent.get(3), RtxPacket.unwrap(first, MEDIA, 96).orElseThrow());
        assertEquals(sent.get(7), RtxPacket.unwrap(second, MEDIA, 96).orElseThrow());
        assertEquals(new NackResponder.Counters(1, 2, 200, 0, 0, 0), responder.counters(MEDIA).orElseThrow());
    }

    @Test
    void paddingForAProbe_sendsTheNewestPacketsAgainOnRtx_sharingItsSequenceNumbers() throws Exception {
        assertEquals(0, responder.sendPadding(0), "nothing bound: nothing to pad with");
        responder.bindLocalStream(WITH_RTX);
        assertEquals(0, responder.sendPadding(0), "nothing sent yet");
        List<RtpPacket> sent = send(500, 510);
        int bytes = responder.sendPadding(0) + responder.sendPadding(0);
        nack(503);
        assertEquals(3, resent.size());
        assertEquals(resent.get(0).length() + resent.get(1).length(), bytes);
        assertEquals(sent.get(9), RtxPacket.unwrap(resent.get(0), MEDIA, 96).orElseThrow(), "the newest first");
        assertEquals(sent.get(8), RtxPacket.unwrap(resent.get(1), MEDIA, 96).orElseThrow());
        for (int i = 1; i < 3; i++) {
            assertEquals((resent.get(i - 1).sequenceNumber() + 1) & 0xFFFF, resent.get(i).sequenceNumber(),
                    "padding and retransmissions count on one RTX sequence");
        }
        NackResponder.Counters counters = responder.counters(MEDIA).orElseThrow();
        assertEquals(2, counters.paddingPacketsSent());
        assertEquals(1, counters.packetsResent(), "padding is not a retransmission");
    }

    @Test
    void withoutRtxThePacketIsResentAsItWas() {
        responder.bindLocalStream(IN_PLACE);
        List<RtpPacket> sent = send(0, 4);
        nack(2);
        assertEquals(1, resent.size());
        assertSame(sent.get(2), resent.get(0));
    }

    @Test
    void aRepeatedNackWithinTheMinimumIntervalDoesNotMultiplyTheRetransmission() {
        responder.bindLocalStream(WITH_RTX);
        send(0, 4);
        nack(1);
        nack(1);
        assertEquals(1, resent.size());
        clock.advance(NackSettings.DEFAULTS.minResendInterval());
        nack(1);
        assertEquals(2, resent.size(), "after the interval the receiver may really have lost it again");
    }

    @Test
    void aShortRoundTripShortensTheMinimumInterval_toThreeQuartersOfIt() {
        responder.bindLocalStream(WITH_RTX);
        responder.onRoundTripTime(Duration.ofMillis(40).toNanos());
        send(0, 4);
        nack(1);
        clock.advance(Duration.ofMillis(29));
        nack(1);
        assertEquals(1, resent.size(), "within 30 ms of the resend: its NACK crossed the retransmission");
        clock.advance(Duration.ofMillis(1));
        nack(1);
        assertEquals(2, resent.size(), "a round trip's three quarters later it was lost again");
    }

    @Test
    void retransmissionsStayWithinHalfTheCongestionTarget_andResumeAsTheBudgetRefills() {
        // 80 kbit/s target: 40 kbit/s for retransmissions, bursts of 200 ms = 8000 bits; a
        // packet here is 112 bytes = 896 bits, so the ninth fills the budget.
        responder = new NackResponder(context, NackSettings.DEFAULTS, () -> 80_000);
        responder.bindLocalStream(WITH_RTX);
        send(0, 40);
        nack(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertEquals(9, resent.size(), "a burst of the budget's size goes out");
        assertEquals(11, responder.counters(MEDIA).orElseThrow().packetsRefused());
        clock.advance(Duration.ofSeconds(1));
        nack(10, 11, 12);
        assertEquals(12, resent.size(), "a second later the budget has refilled");
    }

    @Test
    void packetsOlderThanTheHistoryAreCountedNotAnswered() {
        responder.bindLocalStream(WITH_RTX);
        send(0, NackSettings.DEFAULTS.historyPackets() + 10);
        nack(3, 0xFFFF);
        assertTrue(resent.isEmpty());
        assertEquals(2, responder.counters(MEDIA).orElseThrow().packetsUnavailable());
    }

    @Test
    void nacksForOtherStreamsOrStreamsWithoutNackAreIgnored() {
        StreamInfo noNack = new StreamInfo(MEDIA, 96, 90000, "1", "video", "me", true);
        responder.bindLocalStream(noNack);
        send(0, 4);
        nack(1);
        responder.onIncomingRtcp(List.of(GenericNack.of(9, 0x9999, List.of(1))), clock.nanoTime());
        assertTrue(resent.isEmpty());
        assertTrue(responder.counters(MEDIA).isEmpty());
    }

    @Test
    void rtxPayloadIsTheOriginalSequenceNumberThenThePayload() {
        responder.bindLocalStream(WITH_RTX);
        RtpPacket original = RtpPacket.builder().ssrc(MEDIA).payloadType(96).sequenceNumber(0xBEEF).timestamp(7)
                .marker(true).payload(new byte[] {1, 2, 3}).paddingLength(4).build();
        responder.onOutgoingRtp(original, clock.nanoTime());
        nack(0xBEEF);
        RtpPacket rtx = resent.get(0);
        assertArrayEquals(new byte[] {(byte) 0xBE, (byte) 0xEF, 1, 2, 3}, rtx.payload());
        assertEquals(0, rtx.paddingLength());
        assertTrue(rtx.marker());
        assertEquals(7, rtx.timestamp());
    }

    private List<RtpPacket> send(int from, int toExclusive) {
        List<RtpPacket> sent = new ArrayList<>();
        for (int s = from; s < toExclusive; s++) {
            RtpPacket p = RtpPacket.builder().ssrc(MEDIA).payloadType(96).sequenceNumber(s & 0xFFFF)
                    .timestamp(3000L * s).payload(new byte[100]).build();
            sent.add(responder.onOutgoingRtp(p, clock.nanoTime()));
        }
        return sent;
    }

    private void nack(Integer... sequenceNumbers) {
        List<RtcpPacket> compound = List.of(GenericNack.of(0x5555, MEDIA, List.of(sequenceNumbers)));
        responder.onIncomingRtcp(compound, clock.nanoTime());
    }

}
