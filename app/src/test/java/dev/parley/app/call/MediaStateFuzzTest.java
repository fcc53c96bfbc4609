package dev.parley.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Property: any text is either no state (never an exception) or a state that round-trips. */
class MediaStateFuzzTest {

    @FuzzTest
    void parseNeverThrows_andRoundTrips(byte[] data) {
        Optional<MediaState> state = MediaState.parse(new String(data, StandardCharsets.UTF_8));
        state.ifPresent(s -> assertEquals(state, MediaState.parse(s.toJson())));
    }
}
