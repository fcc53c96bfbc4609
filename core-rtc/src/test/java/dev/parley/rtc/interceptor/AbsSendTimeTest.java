package dev.parley.rtc.interceptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.rtc.rtp.RtpPacket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsSendTimeTest {
    private static final StreamInfo WITH = new StreamInfo(0xA, 96, 90000, "1", "video", "me", true, true, 0xB, 97,
            Map.of(AbsSendTime.EXTENSION_URI, 2));
    private static final StreamInfo WITHOUT = new StreamInfo(0xC, 111, 48000, "0", "audio", "me", false, false,
            StreamInfo.NO_RTX, StreamInfo.NO_RTX, Map.of());

    private static RtpPacket packet(long ssrc) {
        return RtpPacket.builder().ssrc(ssrc).payloadType(96).sequenceNumber(1).timestamp(0).payload(new byte[10]).build();
    }

    @Test
    void encodesSecondsIn6Dot18FixedPoint_wrappingEvery64Seconds() {
        assertArrayEquals(new byte[] {0, 0, 0}, AbsSendTime.encode(0));
        assertArrayEquals(new byte[] {0x04, 0, 0}, AbsSendTime.encode(1_000_000_000L)); // 1 s = 1 << 18
        assertArrayEquals(new byte[] {0, 0x40, 0}, AbsSendTime.encode(62_500_000L)); // 1/16 s
        assertArrayEquals(AbsSendTime.encode(1_500_000_000L), AbsSendTime.encode(65_500_000_000L));
        assertEquals(1.5, AbsSendTime.decode(AbsSendTime.encode(1_500_000_000L)), 1e-5);
    }

    @Test
    void stampsOnlyStreamsThatNegotiatedIt_retransmissionsToo() {
        AbsSendTime stamper = new AbsSendTime();
        stamper.bindLocalStream(WITH);
        stamper.bindLocalStream(WITHOUT);
        long now = 3_000_000_000L;
        assertArrayEquals(AbsSendTime.encode(now), stamper.onOutgoingRtp(packet(0xA), now).extensionElement(2));
        assertArrayEquals(AbsSendTime.encode(now), stamper.onOutgoingRtp(packet(0xB), now).extensionElement(2));
        assertNull(stamper.onOutgoingRtp(packet(0xC), now).extensionElement(2));
        stamper.unbindLocalStream(WITH);
        assertNull(stamper.onOutgoingRtp(packet(0xA), now).extensionElement(2));
    }
}
