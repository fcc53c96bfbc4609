package dev.parley.rtc.interceptor.nack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseException;
import dev.parley.rtc.rtp.RtxPacket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole loop on a virtual link with 25 ms each way and random loss both ways: a sender with a
 * {@link NackResponder}, a receiver with a {@link NackGenerator} that unwraps RTX as the peer
 * connection does. Every packet must arrive.
 */
class NackLossRecoveryTest {
    private static final long MEDIA = 0x1000;
    private static final long RTX = 0x2000;
    private static final Duration ONE_WAY = Duration.ofMillis(25);

    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor sender = clock.newSerialExecutor("sender");
    private final SerialExecutor receiver = clock.newSerialExecutor("receiver");
    private final Random loss = new Random(42);
    private final TreeSet<Integer> received = new TreeSet<>();
    private NackResponder responder;
    private NackGenerator generator;
    private long rtxReceived;
    private double lossRate;

    @Test
    void atFivePercentLossBothWaysEveryPacketArrives() {
        lossRate = 0.05;
        responder = new NackResponder(new InterceptorContext(sender, rtcp -> { }, this::toReceiver,
                Clock.systemUTC(), new Random(1)), NackSettings.DEFAULTS);
        generator = new NackGenerator(new InterceptorContext(receiver, this::toSender, rtp -> { },
                Clock.systemUTC(), new Random(2)), NackSettings.DEFAULTS);
        StreamInfo stream = new StreamInfo(MEDIA, 96, 90000, "1", "video", "s", true, true, RTX, 97, Map.of());
        responder.bindLocalStream(stream);
        generator.bindRemoteStream(stream);

        int count = 3000; // 10 s at 300 packets/s
        for (int i = 0; i < count; i++) {
            int sequenceNumber = (65000 + i) & 0xFFFF; // crosses the wrap
            sender.schedule(() -> toReceiver(responder.onOutgoingRtp(packet(sequenceNumber), sender.nanoTime())),
                    i * 10L / 3, TimeUnit.MILLISECONDS);
        }
        clock.advance(Duration.ofSeconds(12));

        assertEquals(count, received.size(), "every packet arrived, first time or retransmitted");
        NackGenerator.Counters asked = generator.counters(MEDIA).orElseThrow();
        NackResponder.Counters answered = responder.counters(MEDIA).orElseThrow();
        assertTrue(rtxReceived > 100, "about 5% came by RTX: " + rtxReceived);
        assertEquals(0, asked.packetsGivenUp());
        assertTrue(asked.packetsRecovered() >= rtxReceived - 5 && asked.packetsRecovered() <= rtxReceived,
                asked + " vs " + rtxReceived + " RTX packets");
        assertTrue(answered.packetsResent() >= rtxReceived, answered + " vs " + rtxReceived);
        assertTrue(answered.packetsResent() < rtxReceived * 1.3, "few needless retransmissions: " + answered);
    }

    private static RtpPacket packet(int sequenceNumber) {
        return RtpPacket.builder().ssrc(MEDIA).payloadType(96).sequenceNumber(sequenceNumber)
                .timestamp(3000L * sequenceNumber).payload(new byte[] {(byte) sequenceNumber}).build();
    }

    private void toReceiver(RtpPacket packet) {
        if (loss.nextDouble() < lossRate) {
            return;
        }
        receiver.schedule(() -> onReceived(packet), ONE_WAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onReceived(RtpPacket packet) {
        RtpPacket media = packet;
        if (packet.ssrc() == RTX) {
            try {
                media = RtxPacket.unwrap(packet, MEDIA, 96).orElseThrow();
            } catch (RtpParseException e) {
                throw new AssertionError(e);
            }
            rtxReceived++;
        }
        assertEquals((byte) media.sequenceNumber(), media.payload()[0], "the payload that was sent with it");
        received.add(media.sequenceNumber());
        generator.onIncomingRtp(media, receiver.nanoTime());
    }

    private void toSender(List<RtcpPacket> compound) {
        if (loss.nextDouble() < lossRate) {
            return;
        }
        sender.schedule(() -> responder.onIncomingRtcp(compound, sender.nanoTime()), ONE_WAY.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
