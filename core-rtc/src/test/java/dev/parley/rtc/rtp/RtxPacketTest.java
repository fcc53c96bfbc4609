package dev.parley.rtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtxPacketTest {

    @Test
    void wrapThenUnwrapGivesTheOriginalBack_extensionsAndCsrcsIncluded() throws Exception {
        RtpPacket original = RtpPacket.builder().ssrc(0x1111).payloadType(96).sequenceNumber(4242).timestamp(90_000)
                .marker(true).csrcs(7, 8).extensionElement(3, new byte[] {9}).payload(new byte[] {1, 2, 3, 4}).build();
        RtpPacket rtx = RtxPacket.wrap(original, 0x2222, 97, 17);
        assertEquals(0x2222, rtx.ssrc());
        assertEquals(97, rtx.payloadType());
        assertEquals(17, rtx.sequenceNumber());
        assertEquals(90_000, rtx.timestamp());
        assertArrayEquals(new byte[] {0x10, (byte) 0x92, 1, 2, 3, 4}, rtx.payload(), "OSN 4242 = 0x1092, then the payload");
        RtpPacket back = RtxPacket.unwrap(RtpPacket.parse(rtx.toBytes()), 0x1111, 96).orElseThrow();
        assertEquals(original, back);
    }

    @Test
    void paddingOnlyRtxCarriesNoOriginal_andOneByteIsMalformed() throws Exception {
        RtpPacket probe = RtpPacket.builder().ssrc(0x2222).payloadType(97).sequenceNumber(1).paddingLength(200).build();
        assertTrue(RtxPacket.unwrap(RtpPacket.parse(probe.toBytes()), 0x1111, 96).isEmpty());
        RtpPacket truncated = RtpPacket.builder().ssrc(0x2222).payloadType(97).sequenceNumber(1)
                .payload(new byte[] {5}).build();
        RtpParseException e = assertThrows(RtpParseException.class, () -> RtxPacket.unwrap(truncated, 0x1111, 96));
        assertTrue(e.getMessage().contains("RFC 4588"), e.getMessage());
    }
}
