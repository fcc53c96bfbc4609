package dev.parley.rtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lost and reordered flights are recovered by retransmission (RFC 6347 §4.2.4). */
class DtlsLossyLinkTest {

    @ParameterizedTest(name = "a={0}, drop first {1} each way, then swap {2} pairs")
    @CsvSource({
        "CLIENT, 2, 0",
        "SERVER, 2, 0",
        "CLIENT, 5, 0",
        "CLIENT, 0, 3",
        "SERVER, 0, 3",
        "SERVER, 3, 2",
    })
    void handshakeCompletesDespiteLossAndReordering(DtlsRole aRole, int dropFirst, int swapPairs) throws Exception {
        MemoryLink aToB = new MemoryLink(dropFirst, swapPairs);
        MemoryLink bToA = new MemoryLink(dropFirst, swapPairs);
        try (DtlsPair p = new DtlsPair(aToB, bToA, DtlsSettings.defaults())) {
            p.start(aRole);
            p.awaitConnected();
            assertEquals(dropFirst, aToB.dropped.get());
            assertEquals(dropFirst, bToA.dropped.get());
            assertEquals(p.a.srtpKeyingMaterial().orElseThrow(), p.b.srtpKeyingMaterial().orElseThrow());

            // Application data crosses too (one record at a time: the link may reorder pairs).
            assertTrue(p.a.send(new byte[] {42}));
            assertArrayEquals(new byte[] {42}, p.bEvents.data.poll(5, TimeUnit.SECONDS));
            assertTrue(p.b.send(new byte[] {43}));
            assertArrayEquals(new byte[] {43}, p.aEvents.data.poll(5, TimeUnit.SECONDS));
        }
    }
}
