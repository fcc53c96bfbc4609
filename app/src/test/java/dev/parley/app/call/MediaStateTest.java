package dev.parley.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaStateTest {

    @Test
    void roundTrips() {
        for (boolean muted : new boolean[] {false, true}) {
            for (boolean off : new boolean[] {false, true}) {
                MediaState state = new MediaState(muted, off);
                assertEquals(Optional.of(state), MediaState.parse(state.toJson()));
            }
        }
    }

    @Test
    void whatIsNotAStateMessageIsNone() {
        for (String bad : new String[] {null, "", "hello", "[]", "{}", "null", "{\"microphoneMuted\":1,\"cameraOff\":false}",
                "{\"microphoneMuted\":true}", "{\"microphoneMuted\":\"true\",\"cameraOff\":false}", "{\"microphoneMuted\":true,",
                "{\"microphoneMuted\":true,\"cameraOff\":false,\"x\":\"" + "a".repeat(300) + "\"}"}) {
            assertTrue(MediaState.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }
}
