package dev.parley.ui.call;

import java.time.Duration;

/** A call's length as a clock: {@code mm:ss} under an hour, {@code h:mm:ss} from then on. */
public final class CallDurationFormat {

    private CallDurationFormat() {
    }

    /** Negative durations (a clock stepping back) show as 00:00. */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, secs)
                : String.format("%02d:%02d", minutes, secs);
    }
}
