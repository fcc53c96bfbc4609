package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc4571FramingTest {

    @Test
    void framesSurviveArbitraryChunking() {
        Random random = new Random(7);
        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] packet = new byte[i == 0 ? 0 : i == 1 ? Rfc4571Framing.MAX_FRAME : random.nextInt(1500)];
            random.nextBytes(packet);
            sent.add(packet);
            stream.writeBytes(Rfc4571Framing.frame(packet, 0, packet.length));
        }
        byte[] all = stream.toByteArray();

        Rfc4571Framing framing = new Rfc4571Framing();
        List<byte[]> received = new ArrayList<>();
        for (int at = 0; at < all.length; ) {
            int chunk = Math.min(all.length - at, 1 + random.nextInt(3000));
            received.addAll(framing.feed(Arrays.copyOfRange(all, at, at + chunk)));
            at += chunk;
        }
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), received.get(i), "packet " + i);
        }
    }

    @Test
    void oneByteAtATimeYieldsThePacketOnItsLastByte() {
        Rfc4571Framing framing = new Rfc4571Framing();
        byte[] framed = Rfc4571Framing.frame(new byte[] {1, 2, 3}, 0, 3);
        for (int i = 0; i < framed.length - 1; i++) {
            assertTrue(framing.feed(new byte[] {framed[i]}).isEmpty());
        }
        assertArrayEquals(new byte[] {1, 2, 3}, framing.feed(new byte[] {framed[4]}).get(0));
    }

    @Test
    void oversizedPacketsCannotBeFramed() {
        assertThrows(IllegalArgumentException.class, () -> Rfc4571Framing.frame(new byte[65536], 0, 65536));
    }
}
