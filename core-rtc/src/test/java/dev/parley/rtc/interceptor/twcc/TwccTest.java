package dev.parley.rtc.interceptor.twcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.RtcpCompound;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.TransportWideCc;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Both halves on a virtual link: the sender learns when each packet arrived, or that it did not. */
class TwccTest {
    private static final int EXTENSION_ID = 5;
    private static final Map<String, Integer> EXTENSIONS = Map.of(TransportCc.EXTENSION_URI, EXTENSION_ID);
    private static final StreamInfo AUDIO = new StreamInfo(0xA, 111, 48000, "0", "audio", "s", true, false,
            StreamInfo.NO_RTX, StreamInfo.NO_RTX, EXTENSIONS);
    private static final StreamInfo VIDEO = new StreamInfo(0xB, 96, 90000, "1", "video", "s", true, true,
            0xC, 97, EXTENSIONS);

    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor senderExecutor = clock.newSerialExecutor("sender");
    private final SerialExecutor receiverExecutor = clock.newSerialExecutor("receiver");
    private final List<PacketFeedback> feedback = new ArrayList<>();
    private final List<List<RtcpPacket>> rtcpSent = new ArrayList<>();
    private final TwccSender sender = new TwccSender(new InterceptorContext(senderExecutor, rtcp -> { }, rtp -> { },
            Clock.systemUTC(), new Random(1)), (packets, now) -> feedback.addAll(packets));
    private TwccReceiver receiver;
    private long delayMicros = 20_000;

    @Test
    void everyPacketOfEveryStreamIsNumberedOnce_inSendingOrder() {
        sender.bindLocalStream(AUDIO);
        sender.bindLocalStream(VIDEO);
        RtpPacket a = sender.onOutgoingRtp(packet(0xA, 1), 0);
        RtpPacket b = sender.onOutgoingRtp(packet(0xB, 1), 0);
        RtpPacket rtx = sender.onOutgoingRtp(packet(0xC, 7), 0);
        RtpPacket other = sender.onOutgoingRtp(packet(0xD, 1), 0);
        int first = TransportCc.decode(a.extensionElement(EXTENSION_ID));
        assertEquals((first + 1) & 0xFFFF, TransportCc.decode(b.extensionElement(EXTENSION_ID)));
        assertEquals((first + 2) & 0xFFFF, TransportCc.decode(rtx.extensionElement(EXTENSION_ID)), "RTX counts too");
        assertNull(other.extensionElement(EXTENSION_ID), "a stream that did not negotiate it is left alone");
    }

    @Test
    void theSenderLearnsArrivalTimesAndLosses_acrossTheSequenceWrap() {
        connect(true);
        int count = 70_000; // more than 2^16: the numbers wrap
        List<Integer> lost = List.of(10, 11, 500, 65_535, 65_536, 69_990); // a lost last packet could never be reported
        for (int i = 0; i < count; i++) {
            int index = i;
            long at = i * 100_000L; // 10,000 packets a second, 7 s
            senderExecutor.schedule(() -> send(index, lost.contains(index)), at, TimeUnit.NANOSECONDS);
        }
        clock.advance(Duration.ofSeconds(9));

        assertEquals(count, feedback.size(), "one result per packet");
        long lostSeen = feedback.stream().filter(p -> !p.received()).count();
        assertEquals(lost.size(), lostSeen);
        for (int i = 1; i < feedback.size(); i++) {
            assertEquals(feedback.get(i - 1).transportSequenceNumber() + 1, feedback.get(i).transportSequenceNumber());
        }
        // constant delay: arrival minus send is the same for all, to the 250 µs tick (the receiver's clock is the same clock)
        for (PacketFeedback p : feedback) {
            if (p.received()) {
                long oneWay = p.arrivalMicros() - p.sendNanos() / 1000;
                assertTrue(oneWay > delayMicros - 250 && oneWay <= delayMicros, "one-way " + oneWay + " µs");
                assertEquals(packet(0xB, 0).withExtensionElement(EXTENSION_ID, new byte[2]).length(), p.sizeBytes());
            }
        }
        assertEquals(0, receiver.lateArrivals());
        assertEquals(0, sender.feedbackIgnored());
        assertTrue(receiver.feedbackSent() >= 70, "about one message per 100 ms, more when full: " + receiver.feedbackSent());
    }

    @Test
    void withoutReducedSizeTheFeedbackRidesBehindAReceiverReport_andGrowingDelayShows() {
        connect(false);
        for (int i = 0; i < 50; i++) {
            int index = i;
            senderExecutor.schedule(() -> {
                delayMicros += 1_000; // a queue building up: each packet 1 ms later than the one before
                send(index, false);
            }, i * 5L, TimeUnit.MILLISECONDS);
        }
        clock.advance(Duration.ofSeconds(1));
        List<RtcpPacket> compound = rtcpSent.get(0);
        assertInstanceOf(ReceiverReport.class, compound.get(0));
        assertInstanceOf(TransportWideCc.class, compound.get(1));
        assertEquals(50, feedback.size());
        for (int i = 1; i < feedback.size(); i++) {
            long gap = feedback.get(i).arrivalMicros() - feedback.get(i - 1).arrivalMicros();
            long sent = (feedback.get(i).sendNanos() - feedback.get(i - 1).sendNanos()) / 1000;
            assertTrue(Math.abs(gap - sent - 1000) <= 250, "arrival gap " + gap + " µs, send gap " + sent);
        }
        assertFalse(feedback.stream().anyMatch(p -> !p.received()));
    }

    private void connect(boolean reducedSize) {
        StreamInfo stream = new StreamInfo(0xB, 96, 90000, "1", "video", "s", reducedSize, true, 0xC, 97, EXTENSIONS);
        receiver = new TwccReceiver(new InterceptorContext(receiverExecutor, compound -> {
            rtcpSent.add(compound);
            byte[] wire = RtcpCompound.of(compound).toBytes(); // through the real encoding, both ways
            senderExecutor.schedule(() -> {
                try {
                    sender.onIncomingRtcp(RtcpCompound.parse(wire).packets(), senderExecutor.nanoTime());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, 20, TimeUnit.MILLISECONDS);
        }, rtp -> { }, Clock.systemUTC(), new Random(2)));
        sender.bindLocalStream(stream);
        receiver.bindRemoteStream(stream);
    }

    private void send(int index, boolean drop) {
        RtpPacket out = sender.onOutgoingRtp(packet(0xB, index & 0xFFFF), senderExecutor.nanoTime());
        if (!drop) {
            receiverExecutor.schedule(() -> receiver.onIncomingRtp(out, receiverExecutor.nanoTime()),
                    delayMicros, TimeUnit.MICROSECONDS);
        }
    }

    private static RtpPacket packet(long ssrc, int sequenceNumber) {
        return RtpPacket.builder().ssrc(ssrc).payloadType(96).sequenceNumber(sequenceNumber)
                .payload(new byte[300]).build();
    }
}
