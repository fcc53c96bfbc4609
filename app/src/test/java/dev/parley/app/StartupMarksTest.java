package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StartupMarksTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(1234);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachMarkOnceWithTheMillisecondsAtItsFirstCall() {
        StartupMarks marks = new StartupMarks(true, out, clock::get);

        marks.window();
        clock.set(2500);
        marks.window();
        marks.preview();
        clock.set(9000);
        marks.preview();

        String nl = System.lineSeparator();
        assertEquals("PARLEY-MARK window 1234" + nl + "PARLEY-MARK preview 2500" + nl, printed());
    }

    @Test
    void printsNothingWhenDisabled() {
        StartupMarks marks = new StartupMarks(false, out, clock::get);

        marks.window();
        marks.preview();

        assertEquals("", printed());
    }
}
