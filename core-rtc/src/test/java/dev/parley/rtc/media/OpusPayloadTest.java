package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.EncodedAudio;
import org.junit.jupiter.api.Test;

/** RFC 6716 §3.2's packet codes and the rules R1–R7 that an Opus RTP payload must keep. */
class OpusPayloadTest {

    private static OpusPayload parse(int... bytes) throws PayloadParseException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return OpusPayload.parse(b, 0, b.length);
    }

    @Test
    void codesAndDurations() throws Exception {
        OpusPayload celt20 = parse(31 << 3, 1, 2, 3); // config 31: CELT FB 20 ms, code 0
        assertEquals(1, celt20.frames());
        assertEquals(960, celt20.samples());
        OpusPayload silk = parse(1 << 3 | 0x04 | 1, 1, 2); // config 1: SILK NB 20 ms, stereo, code 1
        assertTrue(silk.stereo());
        assertEquals(2, silk.frames());
        assertEquals(1920, silk.samples());
        assertEquals(2, parse(16 << 3 | 2, 1, 9, 8).frames()); // code 2: first frame 1 byte
        assertEquals(3 * 960, parse(13 << 3 | 3, 3, 1, 1, 1).samples()); // code 3 CBR: 3 frames of hybrid SWB 20 ms
    }

    @Test
    void code3VbrWithPadding() throws Exception {
        // config 18 (CELT 10 ms), code 3; VBR, padding, 2 frames; padding 2 bytes; first frame 1 byte.
        OpusPayload p = parse(18 << 3 | 3, 0xC2, 2, 1, 0xAA, 0xBB, 0xCC, 0, 0);
        assertEquals(2, p.frames());
        assertEquals(960, p.samples());
    }

    @Test
    void brokenRulesAreParseErrors() {
        assertThrows(PayloadParseException.class, () -> parse()); // R1
        assertThrows(PayloadParseException.class, () -> parse(1, 1, 2, 3)); // R3: code 1, 3 bytes for 2 equal frames
        assertThrows(PayloadParseException.class, () -> parse(2)); // R4: code 2 without a length
        assertThrows(PayloadParseException.class, () -> parse(2, 5, 1)); // code 2: first frame longer than the packet
        assertThrows(PayloadParseException.class, () -> parse(3)); // R6: code 3 without a count
        assertThrows(PayloadParseException.class, () -> parse(3, 0)); // R5: zero frames
        assertThrows(PayloadParseException.class, () -> parse(11 << 3 | 3, 3)); // R5: 3 x 60 ms > 120 ms
        assertThrows(PayloadParseException.class, () -> parse(3, 2, 1, 2, 3)); // R6: 3 bytes in 2 CBR frames
        assertThrows(PayloadParseException.class, () -> parse(3, 0x42, 9, 1, 2)); // padding beyond the end
        assertThrows(PayloadParseException.class, () -> parse(3, 0x82, 9, 1)); // R7: VBR length beyond the end
        assertThrows(PayloadParseException.class, () -> OpusPayload.parse(new byte[1277], 0, 1277)); // R2: a 1276-byte frame
    }

    @Test
    void thePacketizerPassesAPacketThroughWhole() {
        OpusPacketizer packetizer = new OpusPacketizer(PayloadSize.defaultSize());
        byte[] packet = {(byte) 0xF8, 1, 2, 3};
        assertEquals(packet, packetizer.packetize(new EncodedAudio(packet, 960)));
        assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(new EncodedAudio(new byte[0], 960)));
    }

    @Test
    void payloadSizeLeavesRoomForHeadersWithinTheMtu() {
        assertEquals(1200 - 12 - 16 - 24, PayloadSize.defaultSize());
        assertThrows(IllegalArgumentException.class, () -> PayloadSize.forMtu(100));
    }
}
