package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallDurationFormatTest {

    @Test
    void minutesAndSecondsUnderAnHourThenHours() {
        assertEquals("00:00", CallDurationFormat.format(Duration.ZERO));
        assertEquals("00:59", CallDurationFormat.format(Duration.ofMillis(59_999)));
        assertEquals("01:00", CallDurationFormat.format(Duration.ofSeconds(60)));
        assertEquals("59:59", CallDurationFormat.format(Duration.ofSeconds(3599)));
        assertEquals("1:00:00", CallDurationFormat.format(Duration.ofHours(1)));
        assertEquals("10:02:03", CallDurationFormat.format(Duration.ofSeconds(36_123)));
        assertEquals("00:00", CallDurationFormat.format(Duration.ofSeconds(-5)));
    }
}
