package dev.parley.rtc.rtp;

import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fuzzers' seed files are valid packets that round-trip exactly, so fuzzing starts from real shapes. */
class FuzzSeedsTest {

    @Test
    void rtpSeedsRoundTrip() throws Exception {
        List<Path> seeds = seeds("RtpFuzzTestInputs/fuzz");
        assertTrue(seeds.size() >= 5, "seeds: " + seeds);
        for (Path seed : seeds) {
            byte[] wire = Files.readAllBytes(seed);
            assertEquals(string(wire), string(RtpPacket.parse(wire).toBytes()), seed.toString());
        }
    }

    @Test
    void rtcpSeedsRoundTrip() throws Exception {
        List<Path> seeds = seeds("RtcpFuzzTestInputs/fuzz");
        assertTrue(seeds.size() >= 5, "seeds: " + seeds);
        for (Path seed : seeds) {
            byte[] wire = Files.readAllBytes(seed);
            assertEquals(string(wire), string(RtcpCompound.parse(wire).toBytes()), seed.toString());
        }
    }

    private static List<Path> seeds(String dir) throws IOException, URISyntaxException {
        Path path = Path.of(FuzzSeedsTest.class.getResource(dir).toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.sorted().toList();
        }
    }
}
