package dev.parley.rtc.sctp;

import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fuzzer's seeds are valid packets (checksums right) that write back byte for byte. */
class SctpFuzzSeedsTest {

    @Test
    void seedsParseAndRoundTrip() throws Exception {
        Path dir = Path.of(SctpFuzzSeedsTest.class.getResource("SctpPacketFuzzTestInputs/parseWriteParse").toURI());
        List<Path> seeds;
        try (Stream<Path> files = Files.list(dir)) {
            seeds = files.sorted().toList();
        }
        assertTrue(seeds.size() >= 10, "seeds: " + seeds);
        for (Path seed : seeds) {
            byte[] wire = Files.readAllBytes(seed);
            assertEquals(string(wire), string(SctpPacket.parse(wire).toBytes()), seed.toString());
        }
    }
}
