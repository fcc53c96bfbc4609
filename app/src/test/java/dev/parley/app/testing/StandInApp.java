package dev.parley.app.testing;

import dev.parley.app.StartupMarks;

/**
 * A stand-in for the app in {@link LaunchedAppTest}: prints a line, its startup marks (when asked
 * with "marks") and then either exits with code 3 ("exit") or waits to be killed.
 */
public final class StandInApp {
    private StandInApp() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("stand-in starting");
        if (args.length > 0 && args[0].equals("marks")) {
            StartupMarks.windowShown();
            StartupMarks.previewShown();
            StartupMarks.windowShown(); // a second call prints nothing
        }
        if (args.length > 1 && args[1].equals("exit")) {
            System.exit(3);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
