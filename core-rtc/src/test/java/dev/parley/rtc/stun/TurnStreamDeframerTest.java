package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TurnStreamDeframerTest {
    private final Random random = new Random(5);

    private byte[] stun(int dataLength) {
        return StunMessage.builder(StunClass.INDICATION, StunMethod.DATA, TransactionId.random(random))
                .add(new XorPeerAddress(new InetSocketAddress("192.0.2.1", 9)))
                .add(new Data(new byte[dataLength])).addFingerprint().toBytes();
    }

    private static byte[] channelData(int channel, int length, boolean padded) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) 0x5A);
        return new ChannelData(channel, data).toBytes(padded);
    }

    @Test
    void cutsStunAndPaddedChannelDataOutOfAStreamWhateverTheChunking() throws Exception {
        List<byte[]> messages = List.of(stun(3), channelData(0x4000, 5, true), channelData(0x4FFF, 0, true),
                stun(100), channelData(0x4001, 8, true), channelData(0x4002, 1, true));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        messages.forEach(stream::writeBytes);
        byte[] wire = stream.toByteArray();

        for (int chunk = 1; chunk <= wire.length; chunk += chunk < 8 ? 1 : 13) {
            TurnStreamDeframer deframer = new TurnStreamDeframer();
            List<byte[]> frames = new ArrayList<>();
            for (int at = 0; at < wire.length; at += chunk) {
                frames.addAll(deframer.push(Arrays.copyOfRange(wire, at, Math.min(wire.length, at + chunk))));
            }
            assertEquals(messages.size(), frames.size(), "chunks of " + chunk);
            assertEquals(0, deframer.buffered());
            for (int i = 0; i < messages.size(); i++) {
                byte[] expected = messages.get(i);
                if (ChannelData.looksLikeChannelData(expected, 0, expected.length)) {
                    // The padding belongs to the stream, not the message.
                    int length = ((expected[2] & 0xFF) << 8) | (expected[3] & 0xFF);
                    expected = Arrays.copyOf(expected, 4 + length);
                }
                assertArrayEquals(expected, frames.get(i), "message " + i + " in chunks of " + chunk);
            }
        }
    }

    @Test
    void keepsAnIncompleteMessageUntilTheRestArrives() throws Exception {
        byte[] message = stun(10);
        TurnStreamDeframer deframer = new TurnStreamDeframer();
        assertTrue(deframer.push(Arrays.copyOf(message, message.length - 1)).isEmpty());
        assertEquals(message.length - 1, deframer.buffered());
        List<byte[]> frames = deframer.push(new byte[] {message[message.length - 1]});
        assertEquals(1, frames.size());
        assertArrayEquals(message, frames.get(0));
    }

    @Test
    void bytesThatAreNeitherStunNorChannelDataLoseTheFraming() {
        TurnStreamDeframer deframer = new TurnStreamDeframer();
        StunParseException e = assertThrows(StunParseException.class,
                () -> deframer.push(new byte[] {(byte) 0x80, 0, 0, 4, 1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("0x80"), e.getMessage());
        assertThrows(StunParseException.class,
                () -> new TurnStreamDeframer().push(new byte[] {0x00, 0x01, 0x00, 0x05}), "STUN length not /4");
    }
}
