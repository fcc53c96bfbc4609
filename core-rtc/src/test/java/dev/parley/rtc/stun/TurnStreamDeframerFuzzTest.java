package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Any stream, cut anywhere: {@link TurnStreamDeframer} returns frames or throws
 * {@link StunParseException}, never anything else; each frame starts like STUN or ChannelData
 * and carries exactly its declared length; and how the bytes were chunked changes nothing.
 */
class TurnStreamDeframerFuzzTest {
    @FuzzTest
    void framesDoNotDependOnChunking(byte[] stream) {
        List<byte[]> whole = frames(stream, Math.max(1, stream.length));
        List<byte[]> byteByByte = frames(stream, 1);
        if (whole == null || byteByByte == null) {
            return;
        }
        assertEquals(whole.size(), byteByByte.size());
        for (int i = 0; i < whole.size(); i++) {
            byte[] frame = whole.get(i);
            assertTrue(Arrays.equals(frame, byteByByte.get(i)));
            int declared = ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
            boolean stun = (frame[0] & 0xC0) == 0;
            assertEquals(stun ? StunMessage.HEADER_LENGTH + declared : ChannelData.HEADER_LENGTH + declared,
                    frame.length);
        }
    }

    /** The frames of {@code stream} pushed in chunks of {@code chunk}, or null if the framing broke. */
    private static List<byte[]> frames(byte[] stream, int chunk) {
        TurnStreamDeframer deframer = new TurnStreamDeframer();
        List<byte[]> out = new ArrayList<>();
        try {
            for (int at = 0; at < stream.length; at += chunk) {
                out.addAll(deframer.push(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + chunk))));
            }
        } catch (StunParseException e) {
            return null;
        }
        return out;
    }
}
