package dev.parley.rtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Compound RTCP parsing on arbitrary bytes: either packets or an {@link RtpParseException}.
 * Parsed packets write back to as many bytes, parse back equal, and writing is a fixed point.
 * Byte-exact equality with the input is not asserted: reserved bits and padding content are
 * written as zeros. Seeds: {@code RtcpFuzzTestInputs/fuzz/}.
 */
class RtcpFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) throws RtpParseException {
        RtcpCompound compound;
        try {
            compound = RtcpCompound.parse(data);
        } catch (RtpParseException expected) {
            return;
        }
        byte[] written = compound.toBytes();
        assertEquals(data.length, written.length);
        RtcpCompound again = RtcpCompound.parse(written); // any exception is a finding
        assertEquals(compound, again);
        assertArrayEquals(written, again.toBytes());
        for (RtcpPacket p : compound.packets()) {
            if (p instanceof GenericNack nack) {
                nack.lostSequenceNumbers();
            } else if (p instanceof TransportWideCc twcc) {
                assertEquals(twcc.packetStatusCount(), twcc.packets().size());
            } else if (p instanceof Remb remb) {
                remb.bitrateBps();
            }
        }
        compound.isValidFullCompound();
    }
}
