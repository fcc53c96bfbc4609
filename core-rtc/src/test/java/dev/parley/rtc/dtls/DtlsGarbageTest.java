package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whatever arrives, the transport thread survives: bad records are dropped (RFC 6347 §4.1.2.7). */
class DtlsGarbageTest {

    @Test
    void garbageBeforeDuringAndAfterTheHandshakeIsIgnored() throws Exception {
        Random random = new Random(7);
        try (DtlsPair p = DtlsPair.perfect()) {
            int screened = feedGarbage(p, random); // before start: sits in the queue with the real records
            p.start(DtlsRole.CLIENT);
            screened += feedGarbage(p, random);
            p.awaitConnected();
            screened += feedGarbage(p, random);

            assertEquals(p.a.srtpKeyingMaterial(), p.b.srtpKeyingMaterial());
            assertTrue(p.a.send(new byte[] {1}));
            assertArrayEquals(new byte[] {1}, p.bEvents.data.poll(5, TimeUnit.SECONDS));
            assertTrue(p.b.send(new byte[] {2}));
            assertArrayEquals(new byte[] {2}, p.aEvents.data.poll(5, TimeUnit.SECONDS));
            assertEquals(RTCDtlsTransportState.CONNECTED, p.a.state());
            assertEquals(RTCDtlsTransportState.CONNECTED, p.b.state());
            assertEquals(screened, p.a.discardedPackets());
            assertEquals(screened, p.b.discardedPackets());
            assertTrue(p.aEvents.data.isEmpty() && p.bEvents.data.isEmpty(), "garbage never surfaces as data");
        }
    }

    /**
     * Feeds both sides 40 datagrams, returning how many should be screened out: non-DTLS first
     * bytes and epoch-0 records with absurd sequence numbers are; records of later epochs with
     * random bodies pass the screen and fail to authenticate in BouncyCastle.
     */
    private static int feedGarbage(DtlsPair p, Random random) {
        int screened = 0;
        for (int i = 0; i < 40; i++) {
            byte[] d;
            switch (i % 4) {
                case 0:
                    d = new byte[random.nextInt(200)];
                    random.nextBytes(d);
                    if (d.length > 0) {
                        d[0] = (byte) (64 + random.nextInt(64)); // outside 20..63: not DTLS (RFC 7983)
                    }
                    screened++;
                    break;
                case 1:
                    d = framedRecord(random, 0, (1L << 40) + random.nextInt(1000)); // would poison the replay window
                    screened++;
                    break;
                default:
                    d = framedRecord(random, 1 + random.nextInt(3), random.nextInt(1 << 30));
                    break;
            }
            p.a.onPacket(d);
            p.b.onPacket(d.clone());
        }
        return screened;
    }

    /** A DTLS 1.2 record header (RFC 6347 §4.1) with a consistent length over random bytes. */
    private static byte[] framedRecord(Random random, int epoch, long sequence) {
        byte[] body = new byte[1 + random.nextInt(150)];
        random.nextBytes(body);
        byte[] r = new byte[13 + body.length];
        r[0] = (byte) (20 + random.nextInt(4));
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[3] = (byte) (epoch >> 8);
        r[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            r[5 + i] = (byte) (sequence >> (8 * (5 - i)));
        }
        r[11] = (byte) (body.length >> 8);
        r[12] = (byte) body.length;
        System.arraycopy(body, 0, r, 13, body.length);
        return r;
    }
}
