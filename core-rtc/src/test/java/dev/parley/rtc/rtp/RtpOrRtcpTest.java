package dev.parley.rtc.rtp;

import static dev.parley.rtc.rtp.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 5761 §4: RTCP packet types 192..223 are RTP marker + payload types 64..95. */
class RtpOrRtcpTest {

    @Test
    void tellsRtcpByTheSecondByte() {
        assertTrue(RtpOrRtcp.isRtcp(hex(RtcpFixtures.SR), 0, 52));
        assertTrue(RtpOrRtcp.isRtcp(hex(RtcpFixtures.PLI), 0, 12));
        assertTrue(RtpOrRtcp.isRtcp(new byte[] {(byte) 0x80, (byte) 192}, 0, 2));
        assertTrue(RtpOrRtcp.isRtcp(new byte[] {(byte) 0x80, (byte) 223}, 0, 2));
        assertFalse(RtpOrRtcp.isRtcp(new byte[] {(byte) 0x80, (byte) 191}, 0, 2), "marker + PT 63 is RTP");
        assertFalse(RtpOrRtcp.isRtcp(new byte[] {(byte) 0x80, (byte) 224}, 0, 2), "marker + PT 96 is RTP");
        assertFalse(RtpOrRtcp.isRtcp(hex(RtpPacketTest.PLAIN), 0, 17));
    }

    @Test
    void looksAtTheGivenRangeAndNeverThrows() {
        byte[] buf = {0, 0, (byte) 0x81, (byte) 200};
        assertTrue(RtpOrRtcp.isRtcp(buf, 2, 2));
        assertFalse(RtpOrRtcp.isRtcp(buf, 0, 2));
        assertFalse(RtpOrRtcp.isRtcp(buf, 3, 1), "too short");
        assertFalse(RtpOrRtcp.isRtcp(buf, 3, 2), "outside the array");
        assertFalse(RtpOrRtcp.isRtcp(buf, -1, 2));
    }
}
