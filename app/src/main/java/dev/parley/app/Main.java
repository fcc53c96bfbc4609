package dev.parley.app;

import dev.parley.app.cli.ParleyCommand;
import picocli.CommandLine;

/**
 * Entry point. Without a command it opens the desktop app; {@code parley server …} hosts a
 * signaling server and {@code parley peer …} runs a headless endpoint (see {@code parley --help}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = new CommandLine(new ParleyCommand(System.out)).execute(args);
        if (code != 0) {
            // Only on failure: `exec:java` runs inside Maven's JVM, which a zero exit would end early.
            System.exit(code);
        }
    }
}
